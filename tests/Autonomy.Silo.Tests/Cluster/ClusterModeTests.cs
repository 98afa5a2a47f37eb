using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// Two real <c>autonomy-silo</c> processes in cluster mode on one PostgreSQL database. Each test gets its own empty
/// database: the project's tables (tool versions, executions) are not partitioned by cluster, and every test
/// starts from what a first deployment sees.
/// </summary>
public sealed class ClusterModeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly ClusterDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [PostgresClusterFact]
    public async Task TwoSilos_EmptyDatabaseThenOneStopped_BothJoinLoadSamplesOnceAndTheOtherKeepsServing()
    {
        await using var cluster = new SiloCluster(_database, output);

        // Both start at once against the empty database: both migrate, both load the samples.
        var (first, firstPort) = cluster.Start("a");
        var (second, secondPort) = cluster.Start("b");
        var ready = await Task.WhenAll(first.WaitReadyAsync(SiloCluster.ReadyTimeout), second.WaitReadyAsync(SiloCluster.ReadyTimeout));
        Assert.All(ready, line => Assert.Contains($"cluster {cluster.ClusterId}, silo 127.0.0.1:", line, StringComparison.Ordinal));

        var membership = await _database.MembershipAsync(cluster.ClusterId);
        Assert.Equal(new Dictionary<int, int> { [firstPort] = Active, [secondPort] = Active }, membership);

        await using var client = await cluster.ConnectAsync();
        var grains = client.Cluster;
        foreach (var name in SampleTools.Names)
        {
            var description = await grains.GetGrain<IToolGrain>(name).DescribeAsync();
            Assert.Equal(1, description.ActiveVersion);
            Assert.Equal([1], description.Versions.Select(v => v.Version));
        }

        var wordCount = grains.GetGrain<IToolGrain>("word_count");
        var source = await File.ReadAllTextAsync(Path.Combine(TestSiloHost.SamplesDirectory, "word_count.cs"));
        var registered = await wordCount.RegisterVersionAsync(source + "\n// version two, from the cluster test\n", "human", "cluster test");
        Assert.Equal(2, registered.Version);
        Assert.True((await wordCount.DeployAsync(2)).Succeeded);

        var reply = await grains.GetGrain<IToolExecutorGrain>(0).ExecuteAsync("slugify", """{"text": "Hello, Cluster!"}""");
        Assert.Equal(ExecutionOutcome.Success, reply.Result.Outcome);
        Assert.Equal("hello-cluster", JsonNode.Parse(reply.Result.Output!)!["slug"]!.GetValue<string>());
        Assert.Equal(1, await Eventually.ProbeAsync(() => _database.CountExecutionsAsync(reply.ExecutionId), n => n == 1));

        Assert.Equal(0, await first.StopAsync(SiloCluster.StopTimeout));
        membership = await _database.MembershipAsync(cluster.ClusterId);
        Assert.Equal(new Dictionary<int, int> { [firstPort] = Dead, [secondPort] = Active }, membership);

        // The client may still hold the stopped gateway for a moment; the call is retried until the other answers.
        var after = await Eventually.ProbeAsync(
            () => TryAsync(() => grains.GetGrain<IToolExecutorGrain>(0).ExecuteAsync("word_count", """{"text": "one two three"}""")),
            r => r is not null);
        Assert.NotNull(after);
        Assert.Equal(ExecutionOutcome.Success, after.Result.Outcome);
        Assert.Equal(2, after.Version);
        var described = await wordCount.DescribeAsync();
        Assert.Equal(2, described.ActiveVersion);
        Assert.Equal(1, described.PreviousVersion);
        Assert.Equal([1, 2], described.Versions.Select(v => v.Version));

        Assert.Equal(0, await second.StopAsync(SiloCluster.StopTimeout));
    }

    [PostgresClusterFact]
    public async Task BothSilosRestarted_DeployedTool_StateFromPostgresAndHealthCheckReminderFiresAgain()
    {
        // Batches leave only by size or after a minute: the execution reaches the table only through the drain.
        await using var cluster = new SiloCluster(
            _database,
            output,
            "--Autonomy:Samples:Enabled=false",
            "--Autonomy:Tools:HealthCheckPeriodSeconds=2",
            "--Autonomy:Silo:MinimumReminderPeriodSeconds=1",
            "--Autonomy:ExecutionLog:MaxBatchAgeMilliseconds=60000");
        var (first, _) = cluster.Start("a");
        var (second, _) = cluster.Start("b");
        await Task.WhenAll(first.WaitReadyAsync(SiloCluster.ReadyTimeout), second.WaitReadyAsync(SiloCluster.ReadyTimeout));

        Guid executionId;
        await using (var client = await cluster.ConnectAsync())
        {
            var tool = client.Cluster.GetGrain<IToolGrain>("slugify");
            var source = await File.ReadAllTextAsync(Path.Combine(TestSiloHost.SamplesDirectory, "slugify.cs"));
            Assert.Equal(1, (await tool.RegisterVersionAsync(source, "human", "cluster test")).Version);
            Assert.True((await tool.DeployAsync(1)).Succeeded);

            var reminders = await _database.QueryAsync(
                "SELECT grainid, remindername, period FROM orleansreminderstable WHERE serviceid = @service AND grainid LIKE '%slugify'",
                r => (Grain: r.GetString(0), Name: r.GetString(1), Period: r.GetInt64(2)),
                new NpgsqlParameter("service", cluster.ServiceId));
            var reminder = Assert.Single(reminders);
            Assert.Equal(("health-check", 2_000L), (reminder.Name, reminder.Period));

            var reply = await client.Cluster.GetGrain<IToolExecutorGrain>(0).ExecuteAsync("slugify", """{"text": "Flushed On Stop"}""");
            Assert.Equal(ExecutionOutcome.Success, reply.Result.Outcome);
            executionId = reply.ExecutionId;
            Assert.Equal(0, await _database.CountExecutionsAsync(executionId));
        }

        var stopped = await Task.WhenAll(first.StopAsync(SiloCluster.StopTimeout), second.StopAsync(SiloCluster.StopTimeout));
        Assert.Equal([0, 0], stopped);
        Assert.Equal(1, await _database.CountExecutionsAsync(executionId));
        var restartedAt = TimeProvider.System.GetUtcNow();

        var (third, _) = cluster.Start("c");
        var (fourth, _) = cluster.Start("d");
        await Task.WhenAll(third.WaitReadyAsync(SiloCluster.ReadyTimeout), fourth.WaitReadyAsync(SiloCluster.ReadyTimeout));
        await using (var client = await cluster.ConnectAsync())
        {
            var tool = client.Cluster.GetGrain<IToolGrain>("slugify");
            var description = await Eventually.ProbeAsync(tool.DescribeAsync, d => d.LastHealthCheckAt > restartedAt);
            Assert.True(description.LastHealthCheckAt > restartedAt, $"the last health check ran at {description.LastHealthCheckAt:O}, before the restart at {restartedAt:O}");
            Assert.Equal(1, description.ActiveVersion);
            Assert.Equal([1], description.Versions.Select(v => v.Version));
        }

        var stoppedAgain = await Task.WhenAll(third.StopAsync(SiloCluster.StopTimeout), fourth.StopAsync(SiloCluster.StopTimeout));
        Assert.Equal([0, 0], stoppedAgain);
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            return null;
        }
    }
}
