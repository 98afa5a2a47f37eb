using System.Net;
using System.Net.Sockets;

namespace Autonomy.Silo.Tests.Support;

/// <summary>Loopback TCP ports that are free at the time of asking.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
