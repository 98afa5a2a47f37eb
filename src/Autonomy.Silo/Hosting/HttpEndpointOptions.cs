using System.ComponentModel.DataAnnotations;

namespace Autonomy.Silo.Hosting;

/// <summary>The HTTP endpoint that serves the Dashboard and <c>/health</c>, bound from <c>Autonomy:Http</c>.</summary>
public sealed class HttpEndpointOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Autonomy:Http";

    /// <summary>The default port.</summary>
    public const int DefaultPort = 8_080;

    /// <summary>The port on 127.0.0.1.</summary>
    /// <value>Defaults to <see cref="DefaultPort"/>.</value>
    [Range(1, 65_535)]
    public int Port { get; set; } = DefaultPort;
}
