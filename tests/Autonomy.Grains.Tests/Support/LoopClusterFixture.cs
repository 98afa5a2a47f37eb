using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// A one-silo cluster for the loop's tests. Monitoring sessions are overdue for maintenance as soon as they end, so
/// that a test can leave one behind without waiting an hour. Reminders are loaded into memory up to a week before
/// they are due: Orleans keeps a reminder whose next tick is beyond its loading window only in the table and loads
/// it at a table refresh, which on a clock that jumps a whole day at once comes after the tick and waits for the
/// next one. With the real clock the refresh loads the daily reminder in time.
/// </summary>
public sealed class LoopClusterFixture : ClusterFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Autonomy:Loop:MonitoringGraceSeconds"] = "0";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<ReminderOptions>(options => options.ReminderLoadingWindow = TimeSpan.FromDays(7));
}
