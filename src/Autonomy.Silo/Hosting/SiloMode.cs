namespace Autonomy.Silo.Hosting;

/// <summary>How the silo runs.</summary>
public enum SiloMode
{
    /// <summary>One silo on localhost clustering, everything durable in one SQLite file (the default).</summary>
    Embedded = 0,

    /// <summary>ADO.NET clustering, grain state, reminders and the project's tables on one PostgreSQL database; any number of silos.</summary>
    Cluster = 1,
}
