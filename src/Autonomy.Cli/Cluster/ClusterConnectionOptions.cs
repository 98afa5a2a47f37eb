using System.CommandLine;
using System.Globalization;

namespace Autonomy.Cli.Cluster;

/// <summary>
/// The options every cluster command takes, with their environment variables. Added once to each cluster command
/// group as recursive options, so every subcommand has them.
/// </summary>
internal sealed class ClusterConnectionOptions
{
    /// <summary>The gateway of an embedded silo with default settings.</summary>
    public const string DefaultGateway = "127.0.0.1:30000";

    /// <summary>The gateway port when a <c>--gateway</c> names only a host.</summary>
    public const int DefaultGatewayPort = 30_000;

    /// <summary>The silos' default cluster and service id.</summary>
    public const string DefaultClusterId = "autonomy";

    /// <summary>How long the CLI waits for a silo by default, in seconds.</summary>
    public const double DefaultConnectTimeoutSeconds = 5;

    public const string GatewayVariable = "AUTONOMY_GATEWAY";
    public const string ClusterIdVariable = "AUTONOMY_CLUSTER_ID";
    public const string ServiceIdVariable = "AUTONOMY_SERVICE_ID";
    public const string ClusterVariable = "AUTONOMY_CLUSTER";
    public const string PostgresVariable = "AUTONOMY_POSTGRES";
    public const string ConnectTimeoutVariable = "AUTONOMY_CONNECT_TIMEOUT";

    public Option<string[]> Gateway { get; } = new("--gateway")
    {
        Description = $"A silo gateway as host:port; repeat for several. Default {DefaultGateway}, or ${GatewayVariable} (comma-separated).",
        Arity = ArgumentArity.ZeroOrMore,
        Recursive = true,
    };

    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = $"The Orleans cluster id (default '{DefaultClusterId}', or ${ClusterIdVariable}).",
        Recursive = true,
    };

    public Option<string?> ServiceId { get; } = new("--service-id")
    {
        Description = $"The Orleans service id (default '{DefaultClusterId}', or ${ServiceIdVariable}).",
        Recursive = true,
    };

    public Option<bool> Cluster { get; } = new("--cluster")
    {
        Description = $"Find the gateways in the PostgreSQL clustering table instead (or ${ClusterVariable}=true); needs --postgres.",
        Recursive = true,
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"The PostgreSQL connection string of the cluster's membership table (or ${PostgresVariable}); implies --cluster.",
        Recursive = true,
    };

    public Option<double?> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = $"Seconds to wait for a silo before giving up (default {DefaultConnectTimeoutSeconds}, or ${ConnectTimeoutVariable}).",
        Recursive = true,
    };

    /// <summary>Adds the options to a command group; its subcommands inherit them.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
        command.Options.Add(Cluster);
        command.Options.Add(Postgres);
        command.Options.Add(ConnectTimeout);
    }

    /// <summary>Works out where to connect from the options and the environment, or explains what is wrong.</summary>
    public ClusterTarget? Resolve(ParseResult parse, Func<string, string?> environment, out string? error)
    {
        error = null;
        var postgres = Blank(parse.GetValue(Postgres));
        var clusterMode = parse.GetValue(Cluster) || postgres is not null || IsTrue(environment(ClusterVariable));
        var given = parse.GetValue(Gateway) ?? [];
        var clusterId = Blank(parse.GetValue(ClusterId)) ?? Blank(environment(ClusterIdVariable)) ?? DefaultClusterId;
        var serviceId = Blank(parse.GetValue(ServiceId)) ?? Blank(environment(ServiceIdVariable)) ?? DefaultClusterId;

        var seconds = parse.GetValue(ConnectTimeout);
        if (seconds is null && Blank(environment(ConnectTimeoutVariable)) is { } fromEnvironment)
        {
            if (!double.TryParse(fromEnvironment, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"{ConnectTimeoutVariable}='{fromEnvironment}' is not a number of seconds";
                return null;
            }

            seconds = parsed;
        }

        seconds ??= DefaultConnectTimeoutSeconds;
        if (seconds is not (> 0 and <= 300))
        {
            error = "the connect timeout must be more than 0 and at most 300 seconds";
            return null;
        }

        var timeout = TimeSpan.FromSeconds(seconds.Value);
        if (clusterMode)
        {
            if (given.Length > 0)
            {
                error = "--gateway and --cluster exclude each other: give the gateways, or the database that lists them";
                return null;
            }

            postgres ??= Blank(environment(PostgresVariable));
            if (postgres is null)
            {
                error = $"--cluster needs --postgres <connection string> or ${PostgresVariable}";
                return null;
            }

            return new ClusterTarget([], clusterId, serviceId, postgres, timeout);
        }

        var texts = given.Length > 0
            ? given
            : Blank(environment(GatewayVariable))?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [DefaultGateway];
        var gateways = new List<GatewayAddress>();
        foreach (var text in texts)
        {
            if (!GatewayAddress.TryParse(text, DefaultGatewayPort, out var gateway))
            {
                error = $"'{text}' is not a gateway; write host:port, for example {DefaultGateway}";
                return null;
            }

            gateways.Add(gateway!);
        }

        return new ClusterTarget(gateways, clusterId, serviceId, null, timeout);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsTrue(string? value) =>
        value is not null && (value.Trim() is "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value.Trim(), "yes", StringComparison.OrdinalIgnoreCase));
}
