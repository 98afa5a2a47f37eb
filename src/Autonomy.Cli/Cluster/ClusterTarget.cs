using System.Globalization;
using Npgsql;

namespace Autonomy.Cli.Cluster;

/// <summary>Where the CLI looks for the cluster: static gateways, or the gateways PostgreSQL's membership table lists.</summary>
/// <param name="Gateways">The gateways as host and port; empty when <paramref name="PostgresConnectionString"/> is set.</param>
/// <param name="ClusterId">The Orleans cluster id.</param>
/// <param name="ServiceId">The Orleans service id.</param>
/// <param name="PostgresConnectionString">The ADO.NET clustering database, or null for static gateways.</param>
/// <param name="ConnectTimeout">How long to wait for a silo to answer.</param>
internal sealed record ClusterTarget(
    IReadOnlyList<GatewayAddress> Gateways,
    string ClusterId,
    string ServiceId,
    string? PostgresConnectionString,
    TimeSpan ConnectTimeout)
{
    /// <summary>The ADO.NET invariant of PostgreSQL, as the silos use it.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>How long a grain call may take before the client gives up on it, or null for Orleans' default (30 s).</summary>
    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>Whether gateways are found through the ADO.NET clustering table.</summary>
    public bool UsesDatabase => PostgresConnectionString is not null;

    /// <summary>Where the CLI looked, for messages; never includes a password.</summary>
    public string Where
    {
        get
        {
            if (PostgresConnectionString is null)
            {
                return string.Join(", ", Gateways);
            }

            try
            {
                var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
                return string.Create(CultureInfo.InvariantCulture, $"the gateways listed in PostgreSQL {builder.Database ?? "(default database)"} on {builder.Host ?? "localhost"}:{builder.Port}");
            }
            catch (ArgumentException)
            {
                return "the gateways listed in PostgreSQL";
            }
        }
    }

    /// <summary>The one line printed when no silo answers.</summary>
    public string UnavailableMessage => string.Create(
        CultureInfo.InvariantCulture,
        $"no silo answered at {Where} (cluster '{ClusterId}') within {ConnectTimeout.TotalSeconds:0.#}s");
}
