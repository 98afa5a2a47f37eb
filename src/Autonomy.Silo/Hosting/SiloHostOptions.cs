using System.ComponentModel.DataAnnotations;

namespace Autonomy.Silo.Hosting;

/// <summary>The silo's mode, its Orleans ports, address and identity, bound from <c>Autonomy</c> and <c>Autonomy:Silo</c>.</summary>
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

    /// <summary>
    /// The IP address this silo advertises to the other silos and to clients (cluster mode). Other machines must be
    /// able to reach it, so a multi-machine cluster sets it to the machine's own address.
    /// </summary>
    /// <value>Defaults to null: 127.0.0.1, which only serves silos and clients on the same machine.</value>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Whether the silo and gateway ports listen on every local address instead of only the advertised one (cluster
    /// mode), for example behind NAT or in a container whose advertised address is not a local one.
    /// </summary>
    /// <value>Defaults to false.</value>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// Lowers Orleans' minimum reminder period (<c>ReminderOptions.MinimumReminderPeriod</c>), so tests can run
    /// health checks every few seconds. Production leaves it unset.
    /// </summary>
    /// <value>Defaults to null: Orleans' own minimum of one minute.</value>
    [Range(1, 3_600)]
    public int? MinimumReminderPeriodSeconds { get; set; }

    /// <summary>The Orleans cluster id.</summary>
    /// <value>Defaults to <see cref="DefaultClusterId"/>.</value>
    [Required]
    public string ClusterId { get; set; } = DefaultClusterId;
}
