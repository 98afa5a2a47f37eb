using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Grains.Tests.Lifecycle;

/// <summary>
/// The 90-day archive policy through the loop's maintenance, on a fake silo clock (the stores stamp versions and
/// events with it, and the seeded executions run on it). One test: it moves the silo's clock.
/// </summary>
public sealed class ArchiveMaintenanceTests(ArchiveMaintenanceTests.Fixture fixture) : IClassFixture<ArchiveMaintenanceTests.Fixture>
{
    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    private async Task<List<string>> MaintainAsync(params string[] tools)
    {
        var result = await fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RunMaintenanceNowAsync();
        Assert.Null(result.Error);
        return [.. result.Actions.Where(line => tools.Any(tool => line.Contains($"'{tool}'", StringComparison.Ordinal)))];
    }

    [Fact]
    public async Task Maintenance_NinetyDaysPass_ArchivesTheUnusedAndLittleUsedToolsOnlyAfterwards()
    {
        var idle = ToolDriver.NewName("idle");
        var rare = ToolDriver.NewName("rare");
        var busy = ToolDriver.NewName("busy");
        foreach (var name in new[] { idle, rare, busy })
        {
            await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: false, deploy: true);
        }

        // In the first hour: "rare" runs 9 times in all, "busy" 10 (the archive floor is fewer than 10).
        await ExecutionSeed.RecordAsync(fixture, rare, successes: 8, failures: 0, invalidInputs: 1, at: fixture.SiloTime.GetUtcNow());
        await ExecutionSeed.RecordAsync(fixture, busy, successes: 9, failures: 1, at: fixture.SiloTime.GetUtcNow());
        var all = new[] { idle, rare, busy };
        Assert.Empty(await MaintainAsync(all));

        // Exactly 90 days after the deploys: not yet "more than 90 days".
        fixture.SiloTime.Advance(TimeSpan.FromDays(90));
        Assert.Empty(await MaintainAsync(all));

        fixture.SiloTime.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var archived = await MaintainAsync(all);

        Assert.Equal(2, archived.Count);
        Assert.StartsWith($"archived tool '{idle}': idle for 90 days (never used, last changed ", archived[0], StringComparison.Ordinal);
        Assert.StartsWith($"archived tool '{rare}': idle for 90 days (last used before ", archived[1], StringComparison.Ordinal);
        Assert.EndsWith("and run 9 times in all (archived after 90 days below 10 uses)", archived[1], StringComparison.Ordinal);
        Assert.Equal(
            [ToolHealth.Archived, ToolHealth.Archived, ToolHealth.Unknown],
            await Task.WhenAll(all.Select(async name => (await Tool(name).DescribeAsync()).Health)));
        Assert.Equal(ToolAvailability.Archived, (await Tool(idle).GetActiveVersionAsync()).Status);

        // Restored today: idle again from today, so the next days' runs leave it alone.
        Assert.True((await Tool(idle).RestoreAsync("needed again")).Succeeded);
        fixture.SiloTime.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await MaintainAsync(all));
        Assert.Equal(ToolAvailability.Available, (await Tool(idle).GetActiveVersionAsync()).Status);

        fixture.SiloTime.Advance(TimeSpan.FromDays(90));
        Assert.Equal([$"archived tool '{idle}'"], (await MaintainAsync(all)).Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]));
    }

    /// <summary>A one-silo cluster whose silo clock (not the reminders') is a fake that the test moves.</summary>
    public sealed class Fixture : ClusterFixture
    {
        /// <summary>The silo clock's start: decades from the other tests, so their rows never mix.</summary>
        public static readonly DateTimeOffset Start = new(2055, 4, 1, 8, 10, 0, TimeSpan.Zero);

        public FakeTimeProvider SiloTime { get; } = new(Start);

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(SiloTime);
    }
}
