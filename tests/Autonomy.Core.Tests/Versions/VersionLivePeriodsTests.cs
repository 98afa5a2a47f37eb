using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Core.Versions;

namespace Autonomy.Core.Tests.Versions;

public sealed class VersionLivePeriodsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LifecycleEvent Event(long id, string type, int? version, int minutes, string details = "{}") =>
        new(id, "t", type, null, null, version, details, T0.AddMinutes(minutes));

    [Fact]
    public void From_DeploysRollbacksAndAnArchive_OnePeriodPerActiveSpan()
    {
        var periods = VersionLivePeriods.From(
        [
            Event(1, "version_registered", 1, 0),
            Event(2, "deployed", 1, 1),
            Event(3, "deployed", 2, 10),
            Event(4, "rolled_back", 1, 15, """{"automatic":true}"""),
            Event(5, "pinned", 1, 16),
            Event(6, "deployed", 1, 17),
            Event(7, "rolled_back", 2, 30, """{"automatic":false}"""),
            Event(8, "archived", 2, 40),
        ]);

        Assert.Equal(
            [
                new LivePeriod(1, T0.AddMinutes(1), T0.AddMinutes(10), "deploy"),
                new LivePeriod(2, T0.AddMinutes(10), T0.AddMinutes(15), "deploy"),
                new LivePeriod(1, T0.AddMinutes(15), T0.AddMinutes(30), "auto-rollback"),
                new LivePeriod(2, T0.AddMinutes(30), T0.AddMinutes(40), "rollback"),
            ],
            periods);
    }

    [Fact]
    public void From_EventsOutOfOrder_TheActiveVersionStaysOpen()
    {
        var periods = VersionLivePeriods.From([Event(2, "deployed", 2, 5), Event(1, "deployed", 1, 0)]);

        Assert.Equal([new LivePeriod(1, T0, T0.AddMinutes(5), "deploy"), new LivePeriod(2, T0.AddMinutes(5), null, "deploy")], periods);
        Assert.Equal(TimeSpan.FromMinutes(10), periods[1].Duration(T0.AddMinutes(15)));
    }

    [Fact]
    public void Metrics_FromRollups_SumsOnlyTheVersionAndEstimatesLatency()
    {
        var histogram = new int[ExecutionLatencyHistogram.BucketCount];
        histogram[ExecutionLatencyHistogram.BucketOf(1_000)] = 8;
        ExecutionRollup Row(int version, int hour, int successes, int errors, int invalid) =>
            new("t", version, T0.AddHours(hour), successes, errors, 0, 0, invalid, 0, 8_000, 900, 1_100, histogram);

        var metrics = VersionMetrics.From(2, [Row(1, 0, 5, 5, 0), Row(2, 1, 6, 1, 1), Row(2, 2, 3, 0, 0)], TimeSpan.FromHours(2));

        Assert.Equal((2, 11L, 9L, 1L, 1L), (metrics.Version, metrics.Executions, metrics.Successes, metrics.ToolErrors, metrics.InvalidInputs));
        Assert.Equal(0.9, metrics.SuccessRate);
        Assert.NotNull(metrics.P50);
        Assert.InRange(metrics.P50!.Value.TotalMicroseconds, 900, 1_100);
        Assert.Equal(TimeSpan.FromHours(2), metrics.LiveTime);
        Assert.Equal(new VersionSideMetrics(3, 0, 0, 0, 0, 0, 0, 0, null, null, null, TimeSpan.Zero), VersionMetrics.From(3, [Row(1, 0, 1, 0, 0)], TimeSpan.Zero));
    }
}
