using System.Net;
using System.Net.Sockets;

namespace Autonomy.Storage.Tests.Support;

/// <summary>Picks loopback TCP ports that are free at the time of asking.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
