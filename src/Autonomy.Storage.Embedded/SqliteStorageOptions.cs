using System.ComponentModel.DataAnnotations;

namespace Autonomy.Storage.Embedded;

/// <summary>Where the embedded silo keeps its SQLite file, and how long a writer waits for the lock.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Autonomy:Sqlite";

    /// <summary>The default file name, relative to the working directory.</summary>
    public const string DefaultDatabasePath = "data/autonomy.db";

    /// <summary>The default busy timeout.</summary>
    public const int DefaultBusyTimeoutMilliseconds = 5_000;

    /// <summary>The database file. Its directory is created when missing.</summary>
    /// <value>Defaults to <see cref="DefaultDatabasePath"/>.</value>
    [Required]
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>
    /// How long a connection waits for another connection's write lock before failing with <c>SQLITE_BUSY</c>
    /// (<c>PRAGMA busy_timeout</c>). WAL lets readers run beside the writer, but writers still queue.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultBusyTimeoutMilliseconds"/>.</value>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = DefaultBusyTimeoutMilliseconds;
}
