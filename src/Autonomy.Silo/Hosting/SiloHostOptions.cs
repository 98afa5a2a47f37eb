using System.ComponentModel.DataAnnotations;

namespace Autonomy.Silo.Hosting;

/// <summary>The silo's mode, its Orleans ports and identity, bound from <c>Autonomy</c> and <c>Autonomy:Silo</c>.</summary>
public sealed class SiloHostOptions
{
    /// <summary>The configuration section of the silo's ports and identity.</summary>
    public const string SectionName = "Autonomy:Silo";

    /// <summary>The configuration key of the mode.</summary>
    public const string ModeKey = "Autonomy:Mode";

    /// <summary>The default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11_111;

    /// <summary>The default gateway (client) port.</summary>
    public const int DefaultGatewayPort = 30_000;

    /// <summary>The default service id; grain state and reminder rows are keyed by it, so it must stay stable.</summary>
    public const string DefaultServiceId = "autonomy";

    /// <summary>The default cluster id; clients must use the same one.</summary>
    public const string DefaultClusterId = "autonomy";

    /// <summary>How the silo runs (<c>Autonomy:Mode</c>).</summary>
    /// <value>Defaults to <see cref="SiloMode.Embedded"/>.</value>
    public SiloMode Mode { get; set; } = SiloMode.Embedded;

    /// <summary>The port silos talk to each other on.</summary>
    /// <value>Defaults to <see cref="DefaultSiloPort"/>.</value>
    [Range(1, 65_535)]
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>The port clients (the <c>autonomy</c> CLI) connect to.</summary>
    /// <value>Defaults to <see cref="DefaultGatewayPort"/>.</value>
    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>The Orleans service id.</summary>
    /// <value>Defaults to <see cref="DefaultServiceId"/>.</value>
    [Required]
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>The Orleans cluster id.</summary>
    /// <value>Defaults to <see cref="DefaultClusterId"/>.</value>
    [Required]
    public string ClusterId { get; set; } = DefaultClusterId;
}
