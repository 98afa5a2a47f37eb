using Autonomy.Core.Storage;
using Autonomy.Grains.Hosting;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.SiloProviders.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Silo.Hosting;

/// <summary>Wires a silo for embedded mode: everything durable in one SQLite file.</summary>
public static class EmbeddedSiloBuilderExtensions
{
    /// <summary>
    /// The grain storage provider name the grains use (<c>[PersistentState("tool", "autonomy")]</c> on the
    /// ToolGrain). Renaming it orphans every stored state.
    /// </summary>
    public const string GrainStorageName = "autonomy";

    /// <summary>
    /// Adds SQLite grain storage (<see cref="GrainStorageName"/>), SQLite reminders, the project stores, one
    /// <see cref="ExecutionLogWriter"/> over <see cref="SqliteExecutionLogSink"/> (<c>Autonomy:ExecutionLog</c>) and
    /// the grains' services (<c>AddAutonomyGrains</c>), all on the file of <paramref name="sqlite"/>. The host
    /// migrates the file before the silo starts and drains the writer on shutdown.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configuration">The configuration the options bind from.</param>
    /// <param name="sqlite">The database file and busy timeout.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddAutonomyEmbeddedStorage(this ISiloBuilder silo, IConfiguration configuration, SqliteStorageOptions sqlite)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sqlite);

        var connections = new SqliteConnectionFactory(sqlite);
        silo.AddSqliteGrainStorage(GrainStorageName, options =>
        {
            options.DatabasePath = connections.DatabasePath;
            options.BusyTimeoutMilliseconds = sqlite.BusyTimeoutMilliseconds;
        });
        silo.UseSqliteReminderService(options =>
        {
            options.DatabasePath = connections.DatabasePath;
            options.BusyTimeoutMilliseconds = sqlite.BusyTimeoutMilliseconds;
        });

        var services = silo.Services;
        services.AddSingleton(sqlite);
        services.AddSingleton(connections);
        services.AddSqliteProjectStores();
        services.AddAutonomyGrains(configuration);
        services.AddExecutionLogWriter(
            configuration,
            sp => new SqliteExecutionLogSink(sp.GetRequiredService<SqliteConnectionFactory>()),
            SqliteExecutionLogSink.PreferredBatchSize);
        return silo;
    }
}
