using Autonomy.Core.Storage;
using Autonomy.Grains.Hosting;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.SiloProviders.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// A TestingHost cluster whose silos share one migrated SQLite file: grain state, reminders, project stores and
/// the execution log. Reminders run on <see cref="ReminderTime"/>; everything else on the system clock.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autonomy-grains-{Guid.NewGuid():N}");
    private InProcessTestCluster? _cluster;

    public ClusterFixture()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "autonomy.db");
        Connections = SqliteConnectionFactory.ForFile(DatabasePath);
    }

    public string DatabasePath { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>The reminders' clock, started at the real time so that stored reminder rows look ordinary.</summary>
    public FakeTimeProvider ReminderTime { get; } = new(TimeProvider.System.GetUtcNow());

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    protected virtual short SiloCount => 1;

    /// <summary>A service of a running silo.</summary>
    public T Service<T>(int silo = 0)
        where T : notnull => Cluster.Silos[silo].ServiceProvider.GetRequiredService<T>();

    /// <summary>Writes what every silo's execution log holds.</summary>
    public async Task FlushExecutionLogsAsync()
    {
        foreach (var silo in Cluster.Silos)
        {
            await silo.ServiceProvider.GetRequiredService<ExecutionLogWriter>().FlushAsync();
        }
    }

    /// <summary>Whether <c>tool_executions</c> holds the execution.</summary>
    public async Task<long> CountExecutionsAsync(Guid executionId)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tool_executions WHERE execution_id = $id";
        command.Parameters.Add(new SqliteParameter("$id", executionId.ToByteArray()));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync()
    {
        await SqliteMigrator.MigrateAsync(Connections);
        var settings = new Dictionary<string, string?>
        {
            ["Autonomy:Tools:ActiveVersionTtlMilliseconds"] = "0",
            ["Autonomy:Tools:MetricsFlushMilliseconds"] = "50",
        };
        ConfigureSettings(settings);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .Build();
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage("autonomy", options => options.DatabasePath = DatabasePath);
            silo.UseSqliteReminderService(options => options.DatabasePath = DatabasePath);
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.ConfigureServices(services =>
            {
                services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, ReminderTime);
                services.AddSingleton(SqliteConnectionFactory.ForFile(DatabasePath));
                ConfigureServices(services);
                services.AddSqliteProjectStores();
                services.AddSingleton<IExecutionStore>(sp => new SqliteExecutionStore(sp.GetRequiredService<SqliteConnectionFactory>()));
                services.AddAutonomyGrains(configuration);
                services.AddSingleton(sp => new ExecutionLogWriter(
                    new SqliteExecutionLogSink(sp.GetRequiredService<SqliteConnectionFactory>()),
                    new ExecutionLogOptions { MaxBatchAgeMilliseconds = 20 },
                    TimeProvider.System,
                    sp.GetService<ILogger<ExecutionLogWriter>>()));
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Adds or changes the configuration the silos bind their options from.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Registers services before the grains' own, which keep what is registered here (a processor, a clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping silo; the temp directory is left behind.
        }
    }
}
