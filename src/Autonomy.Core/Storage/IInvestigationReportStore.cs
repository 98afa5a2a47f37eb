namespace Autonomy.Core.Storage;

/// <summary>The reports of investigations into failing tools (<c>investigation_reports</c>).</summary>
public interface IInvestigationReportStore
{
    /// <summary>Saves a report and returns it as stored.</summary>
    Task<InvestigationReport> SaveAsync(NewInvestigationReport report, CancellationToken cancellationToken = default);

    /// <summary>The newest report on a tool, or null.</summary>
    Task<InvestigationReport?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>The newest reports on a tool, newest first.</summary>
    Task<IReadOnlyList<InvestigationReport>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default);
}
