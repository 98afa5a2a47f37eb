using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The stores resolve from a container and share the registered clock.</summary>
public sealed class StoreRegistrationTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task AddSqliteProjectStores_Resolved_StoresWriteWithTheRegisteredClock()
    {
        var time = new FakeTimeProvider(StoreConformance.Start);
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(database.Connections)
            .AddSqliteProjectStores()
            .BuildServiceProvider();

        var versions = services.GetRequiredService<IToolVersionStore>();
        var appended = await versions.AppendAsync(new NewToolVersion("registered", 1, "source", null, VersionAuthor.Human, "created"));

        Assert.Equal(StoreTime.Truncate(StoreConformance.Start), appended.CreatedAt);
        Assert.Same(services.GetRequiredService<ProjectStores>().Versions, versions);
        Assert.NotNull(services.GetRequiredService<IFeedbackStore>());
        Assert.NotNull(services.GetRequiredService<IInvestigationReportStore>());
        Assert.NotNull(services.GetRequiredService<IToolAnalyticsStore>());
        Assert.NotNull(services.GetRequiredService<IImprovementAttemptStore>());
        Assert.NotNull(services.GetRequiredService<ITestResultStore>());
        Assert.NotNull(services.GetRequiredService<IDeploymentMonitoringStore>());
        Assert.NotNull(services.GetRequiredService<ILifecycleEventStore>());
        Assert.Same(services.GetRequiredService<ProjectStores>().Alerts, services.GetRequiredService<IAlertStore>());
    }
}
