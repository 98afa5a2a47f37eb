using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>
/// The scan window in whole UTC days, on a fake silo clock set to a morning of an era no other test writes into:
/// yesterday counts in full, the day before not at all, whatever the hour.
/// </summary>
public sealed class LoopScanWindowTests(LoopScanWindowTests.Fixture fixture) : IClassFixture<LoopScanWindowTests.Fixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task RunScanNowAsync_InTheMorning_JudgesAllOfYesterdayAndNothingBefore()
    {
        var today = new DateTimeOffset(Fixture.Now.Date, TimeSpan.Zero);
        var yesterday = ToolDriver.NewName("yesterday");
        var dayBefore = ToolDriver.NewName("day_before");
        var healthy = ToolDriver.NewName("healthy");

        // 33 hours before the scan: outside a rolling 24-hour window, inside yesterday.
        await ExecutionSeed.RecordAsync(fixture, yesterday, successes: 2, failures: 10, at: today.AddDays(-1).AddHours(1).AddMinutes(20));

        // 20 minutes before yesterday began.
        await ExecutionSeed.RecordAsync(fixture, dayBefore, successes: 0, failures: 20, at: today.AddDays(-1).AddMinutes(-20));
        await ExecutionSeed.RecordAsync(fixture, healthy, successes: 9, failures: 1, at: today.AddHours(-12));
        await ExecutionSeed.RecordAsync(fixture, healthy, successes: 3, failures: 0, at: today.AddMinutes(10));

        var scan = await Coordinator.RunScanNowAsync();

        Assert.Equal((Fixture.Now, (string?)null), (scan.StartedAt, scan.Error));
        var opportunity = Assert.Single(scan.Opportunities);
        Assert.Equal(
            (yesterday, "success rate 0.17 over 12 executions (10 failed) today and yesterday (UTC)", 12L, 10L),
            (opportunity.ToolName, opportunity.Reason, opportunity.Executions, opportunity.Failures));

        // Judged: the failing tool of yesterday and the healthy one (13 executions over yesterday and today).
        Assert.Equal(2, scan.ToolsAnalyzed);
    }

    /// <summary>A one-silo cluster whose silo clock (the coordinator's, not the reminders') stands still at <see cref="Now"/>.</summary>
    public sealed class Fixture : ClusterFixture
    {
        /// <summary>The silo's clock: a morning decades ahead of the other tests' executions.</summary>
        public static readonly DateTimeOffset Now = new(2061, 3, 15, 10, 20, 0, TimeSpan.Zero);

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
    }
}
