using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Monitoring sessions, health checks, rollbacks and their views, identically on every backend.</summary>
public abstract class DeploymentMonitoringStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    [ConformanceFact]
    public async Task StartAsync_NewSession_IsActiveAndListedWithoutChecks()
    {
        var tool = NewToolName();

        var session = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));

        Assert.Equal(
            new MonitoringSession(session.Id, tool, 2, 1, 0.9, MonitoringStatus.Active, false, Now, Now + Window, null, null),
            session);
        Assert.Equal(session, await Stores.Monitoring.GetAsync(session.Id));
        var active = Assert.Single(await Stores.Monitoring.ListActiveAsync(), row => row.ToolName == tool);
        Assert.Equal(new ActiveMonitoringRow(session.Id, tool, 2, 1, 0.9, false, Now, Now + Window, 0, null, null, null), active);
    }

    [ConformanceFact]
    public async Task StartAsync_SecondActiveSessionForTool_ThrowsStoreConflictUntilTheFirstEnds()
    {
        var tool = NewToolName();
        var first = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(
            () => Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 3, 2, 0.9, Window)));
        Assert.Equal($"Tool '{tool}' already has an active monitoring session.", conflict.Message);

        Time.Advance(TimeSpan.FromHours(1));
        var ended = await Stores.Monitoring.EndAsync(first.Id, MonitoringStatus.Aborted, "superseded");
        var second = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 3, 2, 0.9, Window));

        Assert.Equal(first with { Status = MonitoringStatus.Aborted, EndedAt = Now, EndReason = "superseded" }, ended);
        Assert.Equal([second.Id], (await Stores.Monitoring.ListActiveAsync()).Where(r => r.ToolName == tool).Select(r => r.MonitoringId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Stores.Monitoring.EndAsync(first.Id, MonitoringStatus.Completed, "again"));
    }

    [ConformanceFact]
    public async Task RecordHealthCheckAsync_TwoChecks_MarksRegressionAndViewShowsTheLatest()
    {
        var tool = NewToolName();
        var session = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));
        Time.Advance(TimeSpan.FromMinutes(5));
        var regressed = await Stores.Monitoring.RecordHealthCheckAsync(new NewHealthCheck(session.Id, 40, 0.5, true, """{"drop":0.4}"""));
        Time.Advance(TimeSpan.FromMinutes(5));
        var latest = await Stores.Monitoring.RecordHealthCheckAsync(new NewHealthCheck(session.Id, 50, 0.88, false, "{}"));

        var active = Assert.Single(await Stores.Monitoring.ListActiveAsync(), row => row.ToolName == tool);

        Assert.Equal(new ActiveMonitoringRow(session.Id, tool, 2, 1, 0.9, true, session.StartedAt, session.EndsAt, 2, Now, 0.88, 50), active);
        Assert.True((await Stores.Monitoring.GetAsync(session.Id))!.RegressionDetected);
        Assert.Equal([latest, regressed], await Stores.Monitoring.ListHealthChecksAsync(session.Id, 10));
        Assert.Equal((session.Id, 40L, (double?)0.5, true, Now.AddMinutes(-5)),
            (regressed.MonitoringId, regressed.Executions, regressed.SuccessRate, regressed.Regression, regressed.CheckedAt));
    }

    [ConformanceFact]
    public async Task RecordHealthCheckAsync_EndedOrUnknownSession_ThrowsAndStoresNothing()
    {
        var tool = NewToolName();
        var session = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));
        await Stores.Monitoring.EndAsync(session.Id, MonitoringStatus.Completed, "window over");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Stores.Monitoring.RecordHealthCheckAsync(new NewHealthCheck(session.Id, 1, 1.0, false, "{}")));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Stores.Monitoring.RecordHealthCheckAsync(new NewHealthCheck(long.MaxValue, 1, 1.0, false, "{}")));

        Assert.Empty(await Stores.Monitoring.ListHealthChecksAsync(session.Id, 10));
    }

    [ConformanceFact]
    public async Task RecordRollbackAsync_ActiveSession_EndsItAsRolledBackInTheSameWrite()
    {
        var tool = NewToolName();
        var session = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));
        Time.Advance(TimeSpan.FromMinutes(30));

        var rollback = await Stores.Monitoring.RecordRollbackAsync(new NewRollback(tool, session.Id, 2, 1, "success rate fell 40 %", true));

        Assert.Equal(new DeploymentRollback(rollback.Id, tool, session.Id, 2, 1, "success rate fell 40 %", true, Now), rollback);
        Assert.Equal(
            session with { Status = MonitoringStatus.RolledBack, EndedAt = Now, EndReason = "success rate fell 40 %" },
            await Stores.Monitoring.GetAsync(session.Id));
        Assert.DoesNotContain(await Stores.Monitoring.ListActiveAsync(), row => row.ToolName == tool);
        Assert.Equal([rollback], await Stores.Monitoring.ListRollbacksAsync(tool, 10));
    }

    [ConformanceFact]
    public async Task RecordRollbackAsync_UnknownSession_ThrowsArgumentException()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.Monitoring.RecordRollbackAsync(new NewRollback(tool, long.MaxValue, 2, 1, "manual", false)));

        Assert.Empty(await Stores.Monitoring.ListRollbacksAsync(tool, 10));
    }

    [ConformanceFact]
    public async Task GetStabilityAsync_MixedSessionsAndRollbacks_AggregatesPerTool()
    {
        var tool = NewToolName();
        var completed = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 2, 1, 0.9, Window));
        await Stores.Monitoring.EndAsync(completed.Id, MonitoringStatus.Completed, "window over");
        Time.Advance(TimeSpan.FromDays(1));
        var regressed = await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 3, 2, 0.9, Window));
        await Stores.Monitoring.RecordHealthCheckAsync(new NewHealthCheck(regressed.Id, 30, 0.4, true, "{}"));
        await Stores.Monitoring.RecordRollbackAsync(new NewRollback(tool, regressed.Id, 3, 2, "regression", true));
        Time.Advance(TimeSpan.FromDays(1));
        await Stores.Monitoring.RecordRollbackAsync(new NewRollback(tool, null, 2, 1, "operator", false));
        Time.Advance(TimeSpan.FromDays(1));
        await Stores.Monitoring.StartAsync(new NewMonitoringSession(tool, 4, 1, 0.9, Window));
        var rollbackOnly = NewToolName();
        await Stores.Monitoring.RecordRollbackAsync(new NewRollback(rollbackOnly, null, 2, 1, "operator", false));

        var stability = await Stores.Monitoring.GetStabilityAsync(tool);

        Assert.Equal(new DeploymentStability(tool, 3, 1, 1, 1, 2, 1.0 / 3, Now, Now.AddDays(-1)), stability);
        Assert.Equal(new DeploymentStability(rollbackOnly, 0, 0, 0, 0, 1, 0, null, Now), await Stores.Monitoring.GetStabilityAsync(rollbackOnly));
        Assert.Null(await Stores.Monitoring.GetStabilityAsync(NewToolName()));
        var ranked = await Stores.Monitoring.ListStabilityAsync(1000);
        Assert.Contains(stability, ranked);
        Assert.Equal(ranked.OrderByDescending(r => r.RollbackRate).ThenBy(r => r.ToolName, StringComparer.Ordinal).Select(r => r.ToolName), ranked.Select(r => r.ToolName));
    }
}
