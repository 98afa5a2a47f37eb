using Autonomy.Core.Storage.Sql;

namespace Autonomy.Core.Storage;

/// <summary>The project's stores over one database (all but the execution log).</summary>
public sealed record ProjectStores(
    IToolVersionStore Versions,
    IFeedbackStore Feedback,
    IInvestigationReportStore InvestigationReports,
    IToolAnalyticsStore Analytics,
    IImprovementAttemptStore ImprovementAttempts,
    ITestResultStore TestResults,
    IDeploymentMonitoringStore Monitoring,
    ILifecycleEventStore Lifecycle,
    IAlertStore Alerts)
{
    /// <summary>Creates every store over <paramref name="database"/>, stamping rows with <paramref name="timeProvider"/>'s clock.</summary>
    public static ProjectStores Create(SqlStoreDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new ProjectStores(
            new SqlToolVersionStore(database, timeProvider),
            new SqlFeedbackStore(database, timeProvider),
            new SqlInvestigationReportStore(database, timeProvider),
            new SqlToolAnalyticsStore(database, timeProvider),
            new SqlImprovementAttemptStore(database, timeProvider),
            new SqlTestResultStore(database, timeProvider),
            new SqlDeploymentMonitoringStore(database, timeProvider),
            new SqlLifecycleEventStore(database, timeProvider),
            new SqlAlertStore(database, timeProvider));
    }
}
