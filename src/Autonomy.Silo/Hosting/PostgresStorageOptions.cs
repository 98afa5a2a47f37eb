namespace Autonomy.Silo.Hosting;

/// <summary>The PostgreSQL database of cluster mode, bound from <c>Autonomy:Postgres</c>.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Autonomy:Postgres";

    /// <summary>The configuration key of the connection string.</summary>
    public const string ConnectionStringKey = "Autonomy:Postgres:ConnectionString";

    /// <summary>The environment variable that sets the connection string (the generic host's mapping of the key).</summary>
    public const string ConnectionStringVariable = "Autonomy__Postgres__ConnectionString";

    /// <summary>
    /// The Npgsql connection string of the database that holds Orleans' membership, grain state and reminders and
    /// the project's tables. Every silo of a cluster, and every client, uses the same database.
    /// </summary>
    /// <value>Defaults to null; cluster mode refuses to start without it.</value>
    public string? ConnectionString { get; set; }
}
