using System.ComponentModel.DataAnnotations;
using Autonomy.Storage.Embedded;

namespace Autonomy.Storage.SiloProviders.Reminders;

/// <summary>Options of the <see cref="SqliteReminderTable"/>.</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>Default time a statement waits for the writer lock before SQLite reports the file busy.</summary>
    public const int DefaultBusyTimeoutMilliseconds = SqliteStorageOptions.DefaultBusyTimeoutMilliseconds;

    /// <summary>
    /// The SQLite file, usually <c>Autonomy:Sqlite:DatabasePath</c>, the same file as the grain storage. A relative
    /// path is taken from the working directory; a missing directory is created.
    /// </summary>
    [Required]
    public string DatabasePath { get; set; } = "";

    /// <summary>How long a statement waits for another connection's write to finish (SQLite's busy timeout).</summary>
    /// <value>Defaults to <see cref="DefaultBusyTimeoutMilliseconds"/>.</value>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = DefaultBusyTimeoutMilliseconds;
}
