using System.Net;
using System.Net.Sockets;

namespace Autonomy.Silo.Tests.Support;

/// <summary>
/// Loopback TCP ports that are free at the time of asking, chosen below Linux's ephemeral range (32768–60999).
/// A port the kernel hands out for port 0 comes from that range, and so does the local port of every outgoing
/// connection (to PostgreSQL, between silos): between the probe and the silo's own bind, a connection could take
/// it, and the silo fails with "address already in use". Below the range only another listener can; each process
/// starts at a random offset and walks forward, so parallel test processes rarely probe the same ports.
/// </summary>
internal static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static int s_next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + ((Interlocked.Increment(ref s_next) - First) % (Last - First));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }
}
