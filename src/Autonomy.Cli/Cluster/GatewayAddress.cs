using System.Globalization;

namespace Autonomy.Cli.Cluster;

/// <summary>A gateway as the user wrote it: a host name or address, and a port.</summary>
internal sealed record GatewayAddress(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c>, <c>[v6-address]:port</c> or a bare host (port 30000).</summary>
    public static bool TryParse(string text, int defaultPort, out GatewayAddress? address)
    {
        address = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        string host;
        var port = defaultPort;
        var colon = text.LastIndexOf(':');
        if (text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
        {
            host = text[1..close];
            if (close + 1 < text.Length && (text[close + 1] != ':' || !TryPort(text[(close + 2)..], out port)))
            {
                return false;
            }
        }
        else if (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon)
        {
            host = text[..colon];
            if (!TryPort(text[(colon + 1)..], out port))
            {
                return false;
            }
        }
        else if (colon < 0)
        {
            host = text;
        }
        else
        {
            return false;
        }

        if (host.Length == 0)
        {
            return false;
        }

        address = new GatewayAddress(host, port);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65_535;
}
