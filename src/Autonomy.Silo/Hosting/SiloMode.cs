namespace Autonomy.Silo.Hosting;

/// <summary>How the silo runs.</summary>
public enum SiloMode
{
    /// <summary>One silo on localhost clustering, everything durable in one SQLite file (the default).</summary>
    Embedded = 0,

    /// <summary>ADO.NET clustering with grain state and reminders on PostgreSQL (not available yet).</summary>
    Cluster = 1,
}
