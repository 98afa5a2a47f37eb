using System.ComponentModel.DataAnnotations;
using Autonomy.Storage.Embedded;
using Orleans.Storage;

namespace Autonomy.Storage.SiloProviders.GrainStorage;

/// <summary>Options of one named <see cref="SqliteGrainStorage"/> provider.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Default time a statement waits for the writer lock before SQLite reports the file busy.</summary>
    public const int DefaultBusyTimeoutMilliseconds = SqliteStorageOptions.DefaultBusyTimeoutMilliseconds;

    /// <summary>Default silo lifecycle stage at which the provider checks the file and its schema.</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// The SQLite file, usually <c>Autonomy:Sqlite:DatabasePath</c> so that grain state lives beside the project's
    /// tables. A relative path is taken from the working directory; a missing directory is created.
    /// </summary>
    [Required]
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// Whether <c>ClearStateAsync</c> deletes the row. When false the row stays with a null payload and a new ETag,
    /// so an activation still holding the old ETag cannot write over the clear.
    /// </summary>
    /// <value>Defaults to false.</value>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>How long a statement waits for another connection's write to finish (SQLite's busy timeout).</summary>
    /// <value>Defaults to <see cref="DefaultBusyTimeoutMilliseconds"/>.</value>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = DefaultBusyTimeoutMilliseconds;

    /// <summary>The silo lifecycle stage at which the provider opens the file and applies the schema.</summary>
    /// <value>Defaults to <see cref="DefaultInitStage"/>.</value>
    public int InitStage { get; set; } = DefaultInitStage;

    /// <summary>
    /// The serializer of grain state. Left unset, the silo's default <see cref="IGrainStorageSerializer"/> is used
    /// (JSON unless the host chose otherwise).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
