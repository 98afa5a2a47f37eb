using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Finding when a tool started failing, and the deploy that coincides.</summary>
public sealed class OnsetFinderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_RiseRightAfterDeploy_IsRegressionNamingVersion()
    {
        // Version 1 for 48 hours without failures; version 2 deployed ten minutes into hour 48 fails 6 of 10 an hour.
        var rollups = Enumerable.Range(0, 48).Select(h => Rollup(1, h, 10, 0))
            .Concat(Enumerable.Range(48, 24).Select(h => Rollup(2, h, 10, 6)))
            .ToList();
        var deployedAt = Start.AddHours(48).AddMinutes(10);
        List<(int, DateTimeOffset)> deploys = [(1, Start.AddDays(-3)), (2, deployedAt)];

        var onset = OnsetFinder.Find(rollups, deploys, 2, AnalysisOptions.DefaultChangePointThreshold);

        Assert.NotNull(onset);
        Assert.Equal(OnsetMethod.ChangePoint, onset.Method);
        Assert.Equal(Start.AddHours(48), onset.At);
        Assert.Equal(2, onset.Version);
        Assert.Equal(deployedAt, onset.DeployedAt);
        Assert.Equal((0.0, 0.6, 480L, 240L), (onset.FailureRateBefore, onset.FailureRateAfter, onset.ExecutionsBefore, onset.ExecutionsAfter));
        Assert.Equal(
            "regression introduced by version 2 (live from 2026-03-03 00:10 UTC): failure rate 0 % before (0 of 480), 60 % after (144 of 240)",
            onset.Description);
    }

    [Fact]
    public void Find_RiseWithoutDeployEvent_TiesToVersionFirstSeenInOnsetHour()
    {
        var rollups = Enumerable.Range(0, 30).Select(h => Rollup(1, h, 10, 0))
            .Concat(Enumerable.Range(30, 10).Select(h => Rollup(3, h, 10, 9)))
            .ToList();

        var onset = OnsetFinder.Find(rollups, [], 3, AnalysisOptions.DefaultChangePointThreshold);

        Assert.NotNull(onset);
        Assert.Equal(3, onset.Version);
        Assert.Equal(Start.AddHours(30), onset.DeployedAt);
        Assert.StartsWith("regression introduced by version 3 (live from 2026-03-02 06:00 UTC)", onset.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_RiseWithinOneVersion_SaysNoDeployCoincides()
    {
        var rollups = Enumerable.Range(0, 40).Select(h => Rollup(1, h, 10, h < 30 ? 0 : 7)).ToList();
        List<(int, DateTimeOffset)> deploys = [(1, Start.AddDays(-1))];

        var onset = OnsetFinder.Find(rollups, deploys, 1, AnalysisOptions.DefaultChangePointThreshold);

        Assert.NotNull(onset);
        Assert.Equal(Start.AddHours(30), onset.At);
        Assert.Null(onset.Version);
        Assert.Null(onset.DeployedAt);
        Assert.Equal("failures began in the hour of 2026-03-02 06:00 UTC: failure rate 0 % before (0 of 300), 70 % after (70 of 100); no deploy coincides", onset.Description);
    }

    [Fact]
    public void Find_VersionFailingFromItsStart_IsSinceVersionStart()
    {
        // Every hour of version 3 fails half its executions: no change point, but a version broken from the start.
        var rollups = Enumerable.Range(0, 24).Select(h => Rollup(3, h, 10, 5)).ToList();
        var deployedAt = Start.AddMinutes(-30);
        List<(int, DateTimeOffset)> deploys = [(2, Start.AddDays(-5)), (3, deployedAt)];

        var onset = OnsetFinder.Find(rollups, deploys, 3, AnalysisOptions.DefaultChangePointThreshold);

        Assert.NotNull(onset);
        Assert.Equal(OnsetMethod.SinceVersionStart, onset.Method);
        Assert.Equal(Start, onset.At);
        Assert.Equal(3, onset.Version);
        Assert.Equal(deployedAt, onset.DeployedAt);
        Assert.Equal(0, onset.LikelihoodRatio);
        Assert.Equal(
            "version 3 has failed since it went live (2026-02-28 23:30 UTC): 50 % of its executions (120 of 240), with no change point in the window",
            onset.Description);
    }

    [Fact]
    public void Find_HealthySeries_IsNull()
    {
        var rollups = Enumerable.Range(0, 72).Select(h => Rollup(1, h, 10, h % 24 == 5 ? 1 : 0)).ToList();

        Assert.Null(OnsetFinder.Find(rollups, [(1, Start)], 1, AnalysisOptions.DefaultChangePointThreshold));
    }

    [Fact]
    public void Find_NoRollups_IsNull()
    {
        Assert.Null(OnsetFinder.Find([], [], 1, AnalysisOptions.DefaultChangePointThreshold));
    }

    [Fact]
    public void Find_SeveralVersionsInOneHour_AddsThemUp()
    {
        // Hour 20 holds the last executions of version 1 and the first of version 2; the hourly series sums both.
        var rollups = Enumerable.Range(0, 21).Select(h => Rollup(1, h, 10, 0))
            .Concat(Enumerable.Range(20, 10).Select(h => Rollup(2, h, 10, 10)))
            .ToList();

        var onset = OnsetFinder.Find(rollups, [(2, Start.AddHours(20).AddMinutes(30))], 2, AnalysisOptions.DefaultChangePointThreshold);

        Assert.NotNull(onset);
        Assert.Equal(Start.AddHours(20), onset.At);
        Assert.Equal(2, onset.Version);
        Assert.Equal((200L, 110L), (onset.ExecutionsBefore, onset.ExecutionsAfter));
    }

    private static ExecutionRollup Rollup(int version, int hour, int executions, int failures)
    {
        var histogram = new int[ExecutionLatencyHistogram.BucketCount];
        histogram[20] = executions;
        return new ExecutionRollup(
            "tool", version, Start.AddHours(hour), executions - failures, failures, 0, 0, 0, 0, executions * 50_000L, 40_000, 60_000, histogram);
    }
}
