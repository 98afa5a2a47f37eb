using System.Net;
using System.Net.Sockets;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Hosting;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.SiloProviders.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// A cluster of real silo hosts in this process, talking TCP on loopback: the silos cluster through the first
/// one (localhost clustering), and the client knows every silo's gateway. Each silo is wired as the embedded
/// host wires one: the real grains (<c>AddAutonomyGrains</c>), SQLite grain storage, reminders and project stores,
/// and one <see cref="ExecutionLogWriter"/> over the SQLite sink, all on one migrated file that the silos share.
/// Every option is the embedded silo's (the execution log in batches of <see cref="SqliteExecutionLogSink.PreferredBatchSize"/>, in both clusters). The trivial tool is registered and deployed before the benchmark.
/// </summary>
/// <remarks>
/// Not the TestingHost's <c>InProcessTestCluster</c>: it connects silos and client through an in-memory transport
/// instead of sockets, which does not cost what a deployment's network does (a trial carried the echo 2–4× slower).
/// </remarks>
internal sealed class BenchmarkCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly List<IHost> _silos = [];
    private IHost? _client;

    private BenchmarkCluster(string directory, SqliteConnectionFactory connections, bool discardsExecutionLog)
    {
        _directory = directory;
        Connections = connections;
        DiscardsExecutionLog = discardsExecutionLog;
    }

    /// <summary>Whether the execution log goes to <see cref="DiscardingExecutionLogSink"/> instead of SQLite.</summary>
    public bool DiscardsExecutionLog { get; }

    public int SiloCount => _silos.Count;

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The client has not started.");

    public SqliteConnectionFactory Connections { get; }

    /// <summary>Starts <paramref name="silos"/> silos and a client, then registers and deploys the trivial tool.</summary>
    /// <param name="silos">How many silos.</param>
    /// <param name="discardExecutionLog">Whether the execution log's writer gets a sink that stores nothing, instead of SQLite.</param>
    public static async Task<BenchmarkCluster> StartAsync(int silos, bool discardExecutionLog = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"autonomy-bench-cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "autonomy.db");
        var cluster = new BenchmarkCluster(directory, SqliteConnectionFactory.ForFile(databasePath), discardExecutionLog);
        try
        {
            await SqliteMigrator.MigrateAsync(cluster.Connections);
            var clusterId = $"bench-{Guid.NewGuid():N}";
            var gatewayPorts = new int[silos];
            IPEndPoint? primary = null;
            for (var i = 0; i < silos; i++)
            {
                var siloPort = FreePort();
                gatewayPorts[i] = FreePort();
                primary ??= new IPEndPoint(IPAddress.Loopback, siloPort);
                var silo = BuildSilo(databasePath, siloPort, gatewayPorts[i], primary, clusterId, discardExecutionLog);
                cluster._silos.Add(silo);
                await silo.StartAsync();
            }

            var client = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            client.UseOrleansClient(orleans => orleans.UseLocalhostClustering(gatewayPorts, clusterId, clusterId));
            cluster._client = client.Build();
            await cluster._client.StartAsync();
            await cluster.DeployToolAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Each silo's execution-log counters, after writing out what the writers still hold.</summary>
    public async Task<IReadOnlyList<ExecutionLogStatistics>> FlushExecutionLogsAsync()
    {
        var statistics = new List<ExecutionLogStatistics>();
        foreach (var silo in _silos)
        {
            var writer = silo.Services.GetRequiredService<ExecutionLogWriter>();
            await writer.FlushAsync();
            statistics.Add(writer.Statistics);
        }

        return statistics;
    }

    /// <summary>The rows of <c>tool_executions</c> for the trivial tool.</summary>
    public async Task<long> CountLoggedExecutionsAsync()
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tool_executions WHERE tool_name = $tool";
        command.Parameters.Add(new SqliteParameter("$tool", TrivialTool.Name));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        // The primary silo hosts the membership: it stops last.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
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

    private async Task DeployToolAsync()
    {
        var tool = Client.GetGrain<IToolGrain>(TrivialTool.Name);
        var registered = await tool.RegisterVersionAsync(TrivialTool.Source, "benchmark", "cluster benchmark");
        if (!registered.Accepted)
        {
            throw new InvalidOperationException(
                $"The trivial tool was rejected: {registered.Message}{Environment.NewLine}{string.Join(Environment.NewLine, registered.Diagnostics)}");
        }

        var deployed = await tool.DeployAsync(registered.Version!.Value);
        if (!deployed.Succeeded)
        {
            throw new InvalidOperationException($"The trivial tool could not be deployed: {deployed.Message}");
        }
    }

    private static IHost BuildSilo(string databasePath, int siloPort, int gatewayPort, IPEndPoint primary, string clusterId, bool discardExecutionLog)
    {
        var configuration = new ConfigurationBuilder().Build();
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        host.Logging.SetMinimumLevel(LogLevel.Warning);
        host.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary, clusterId, clusterId);
            silo.AddSqliteGrainStorage("autonomy", options => options.DatabasePath = databasePath);
            silo.UseSqliteReminderService(options => options.DatabasePath = databasePath);
            silo.Services.AddSingleton(SqliteConnectionFactory.ForFile(databasePath));
            silo.Services.AddSqliteProjectStores();
            silo.Services.AddAutonomyGrains(configuration);
            silo.Services.AddSingleton(sp => new ExecutionLogWriter(
                discardExecutionLog
                    ? new DiscardingExecutionLogSink()
                    : new SqliteExecutionLogSink(sp.GetRequiredService<SqliteConnectionFactory>()),
                new ExecutionLogOptions { BatchSize = SqliteExecutionLogSink.PreferredBatchSize },
                TimeProvider.System,
                sp.GetService<ILogger<ExecutionLogWriter>>()));
        });
        return host.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
