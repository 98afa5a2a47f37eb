using Autonomy.Core.Storage;
using Autonomy.Grains.Hosting;
using Autonomy.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Autonomy.Silo.Hosting;

/// <summary>Wires a silo for cluster mode: everything durable in one PostgreSQL database shared by every silo.</summary>
public static class ClusterSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant of PostgreSQL, as the Orleans providers and clients name it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Adds ADO.NET clustering, ADO.NET grain storage (<see cref="EmbeddedSiloBuilderExtensions.GrainStorageName"/>)
    /// and ADO.NET reminders, all with invariant <see cref="Invariant"/> on the schema of
    /// <c>schema/postgresql/0001_orleans.sql</c>; the process's one <see cref="NpgsqlDataSource"/>; the project stores,
    /// one <see cref="ExecutionLogWriter"/> over <see cref="PostgresExecutionLogSink"/> (<c>Autonomy:ExecutionLog</c>)
    /// and the grains' services (<c>AddAutonomyGrains</c>). The host migrates the database before the silo starts and
    /// drains the writer on shutdown.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configuration">The configuration the options bind from.</param>
    /// <param name="connectionString">The database's Npgsql connection string, already validated.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddAutonomyClusterStorage(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // The providers open their own pooled connections from the string: it is the configuration the schema's
        // tests run real silos with (tests/Autonomy.Storage.Tests), and the pool is keyed by the string.
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(EmbeddedSiloBuilderExtensions.GrainStorageName, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        var services = silo.Services;

        // A factory registration, so the container disposes the data source with the host.
        services.AddSingleton(_ => PostgresConnections.CreateDataSource(connectionString));
        services.AddPostgresProjectStores();
        services.AddAutonomyGrains(configuration);
        services.AddExecutionLogWriter(configuration, sp => new PostgresExecutionLogSink(sp.GetRequiredService<NpgsqlDataSource>()));
        return silo;
    }
}
