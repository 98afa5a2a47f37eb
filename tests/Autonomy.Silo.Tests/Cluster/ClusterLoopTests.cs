using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// The closed loop once in cluster mode: two real <c>autonomy-silo</c> processes on PostgreSQL. The defective sample
/// <c>parse_date</c> receives traffic, the loop's scan finds it, and it is investigated, repaired, verified and
/// deployed as an autonomous version; then a deliberately bad version of <c>slugify</c> is deployed by hand and the
/// health check (every 2 s here) rolls it back by itself.
/// </summary>
public sealed class ClusterLoopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [PostgresClusterFact]
    public async Task TwoSilos_DefectiveToolIsFixedAndABadDeployIsRolledBack()
    {
        await using var cluster = new SiloCluster(
            _database,
            output,
            "--Autonomy:Tools:HealthCheckPeriodSeconds=2",
            "--Autonomy:Silo:MinimumReminderPeriodSeconds=1",
            "--Autonomy:Verification:LiveShadowExecutions=0",
            "--Autonomy:Tools:ActiveVersionTtlMilliseconds=0",
            "--Autonomy:Loop:ScanPeriodSeconds=3600",
            "--Autonomy:ExecutionLog:MaxBatchAgeMilliseconds=50");
        var (first, _) = cluster.Start("a");
        var (second, _) = cluster.Start("b");
        await Task.WhenAll(first.WaitReadyAsync(SiloCluster.ReadyTimeout), second.WaitReadyAsync(SiloCluster.ReadyTimeout));
        await using var client = await cluster.ConnectAsync();
        var grains = client.Cluster;
        var worker = grains.GetGrain<IToolExecutorGrain>(0);

        // parse_date fails on day-first dates: 12 of 20 calls.
        var failures = 0;
        for (var i = 0; i < 20; i++)
        {
            var date = i < 12 ? $"{13 + i}/0{1 + (i % 9)}/2024" : $"2024-0{1 + (i % 9)}-1{i % 10}";
            var reply = await worker.ExecuteAsync("parse_date", $$"""{"date": "{{date}}"}""");
            failures += reply.Result.Outcome == ExecutionOutcome.Success ? 0 : 1;
        }

        Assert.Equal(12, failures);
        var parseDate = grains.GetGrain<IToolGrain>("parse_date");
        await Eventually.ProbeAsync(() => _database.CountToolExecutionsAsync("parse_date"), n => n == 20);

        var scan = await grains.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RunScanNowAsync();

        Assert.Contains(scan.Opportunities, o => o.ToolName == "parse_date");
        var fixedTool = await Eventually.ProbeAsync(parseDate.DescribeAsync, d => d.ActiveVersion == 2, TimeSpan.FromMinutes(3));
        Assert.Equal((2, "autonomous"), (fixedTool.ActiveVersion, fixedTool.Versions[^1].Author));
        var again = await worker.ExecuteAsync("parse_date", """{"date": "25/12/2024"}""");
        Assert.Equal((ExecutionOutcome.Success, 2), (again.Result.Outcome, again.Version));

        // A person deploys a slugify that fails on long titles; real traffic has many.
        var slugify = grains.GetGrain<IToolGrain>("slugify");
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(ExecutionOutcome.Success, (await worker.ExecuteAsync("slugify", $$"""{"text": "Title number {{i}} of the baseline traffic"}""")).Result.Outcome);
        }

        await Eventually.ProbeAsync(() => _database.CountToolExecutionsAsync("slugify"), n => n == 40);
        var source = await File.ReadAllTextAsync(Path.Combine(TestSiloHost.SamplesDirectory, "slugify.cs"));
        var bad = source.Replace(
            "var separator = input?[\"separator\"]?.GetValue<string>() ?? \"-\";",
            "var separator = text.Length > 20 ? throw new System.ArgumentOutOfRangeException(nameof(input), \"title too long\") : input?[\"separator\"]?.GetValue<string>() ?? \"-\";",
            StringComparison.Ordinal);
        Assert.NotEqual(source, bad);
        var registered = await slugify.RegisterVersionAsync(bad, "human", "a deliberately bad deploy");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        Assert.True((await slugify.DeployAsync(registered.Version!.Value)).Succeeded);
        for (var i = 0; i < 60; i++)
        {
            await worker.ExecuteAsync("slugify", i % 2 == 0 ? $$"""{"text": "Short {{i}}"}""" : $$"""{"text": "A much longer title, number {{i}}"}""");
        }

        var rolledBack = await Eventually.ProbeAsync(slugify.DescribeAsync, d => d.ActiveVersion == 1, TimeSpan.FromMinutes(1));
        var checks = await _database.QueryAsync(
            "SELECT h.executions, h.regression, h.details::text FROM deployment_health_checks h JOIN deployment_monitoring m ON m.id = h.monitoring_id WHERE m.tool_name = 'slugify' ORDER BY h.id",
            r => $"{r.GetInt64(0)} {r.GetBoolean(1)} {r.GetString(2)}");
        Assert.True(rolledBack.ActiveVersion == 1, $"health checks: {string.Join(" | ", checks.TakeLast(3))}; monitoring {rolledBack.Monitoring}");
        Assert.Equal("auto-rollback", rolledBack.Deployments[^1].Kind);
        Assert.NotNull(rolledBack.CooldownUntil);

        var stopped = await Task.WhenAll(first.StopAsync(SiloCluster.StopTimeout), second.StopAsync(SiloCluster.StopTimeout));
        Assert.Equal([0, 0], stopped);
    }
}
