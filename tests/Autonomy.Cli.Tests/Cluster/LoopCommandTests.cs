using System.Text.Json;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>The loop commands against a real embedded silo and its loop coordinator.</summary>
public sealed class LoopCommandTests(ClusterSiloFixture silo) : IClassFixture<ClusterSiloFixture>
{
    private static JsonElement Json(CliRunner.Run run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task LoopPauseThenResume_StatusFollows()
    {
        var paused = Json(await silo.RunAsync("loop", "pause", "--reason", "deploy freeze", "--json"));
        var whilePaused = Json(await silo.RunAsync("loop", "status", "--json"));
        var resumed = Json(await silo.RunAsync("loop", "resume", "--json"));

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal("deploy freeze", paused.GetProperty("pauseReason").GetString());
        Assert.True(whilePaused.GetProperty("paused").GetBoolean());
        Assert.False(resumed.GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task LoopStatus_Json_HasScheduleAndStatistics()
    {
        var status = Json(await silo.RunAsync("loop", "status", "--json"));

        Assert.True(status.GetProperty("scanPeriodSeconds").GetDouble() > 0);
        Assert.True(status.GetProperty("maintenancePeriodSeconds").GetDouble() > 0);
        var statistics = status.GetProperty("statistics");
        foreach (var counter in new[] { "cyclesCompleted", "opportunitiesDetected", "improvementsAttempted", "improvementsDeployed", "improvementsFailed", "rollbacksTriggered", "toolsAnalyzed", "maintenanceRuns" })
        {
            Assert.True(statistics.GetProperty(counter).GetInt64() >= 0, counter);
        }
    }

    [Fact]
    public async Task LoopRun_Json_RunsAScanNowAndStatusShowsIt()
    {
        var scan = Json(await silo.RunAsync("loop", "run", "--json"));
        var status = Json(await silo.RunAsync("loop", "status", "--json"));

        Assert.False(scan.GetProperty("skipped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, scan.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Array, scan.GetProperty("opportunities").ValueKind);
        Assert.Equal(JsonValueKind.Object, status.GetProperty("lastScan").ValueKind);
    }

    [Fact]
    public async Task LoopRunMaintenance_Json_PrintsWhatItDid()
    {
        var maintenance = Json(await silo.RunAsync("loop", "run", "--maintenance", "--json"));

        Assert.Equal(JsonValueKind.Array, maintenance.GetProperty("actions").ValueKind);
        Assert.Equal(JsonValueKind.Null, maintenance.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task LoopStatus_Human_PrintsStateScheduleAndCounters()
    {
        var status = await silo.RunAsync("loop", "status");

        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"(?m)^state {13}(running|paused)", status.Output);
        Assert.Contains("schedule".PadRight(18) + "scan every ", status.Output, StringComparison.Ordinal);
        Assert.Contains("cycles completed", status.Output, StringComparison.Ordinal);
    }
}
