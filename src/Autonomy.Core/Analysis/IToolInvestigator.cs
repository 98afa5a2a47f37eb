using Autonomy.Core.Storage;

namespace Autonomy.Core.Analysis;

/// <summary>Investigates a tool and stores the report in <c>investigation_reports</c> (its analysis in <c>tool_analytics</c>).</summary>
public interface IToolInvestigator
{
    /// <summary>Investigates <paramref name="toolName"/> over the window ending now, and stores the report.</summary>
    /// <param name="toolName">The tool.</param>
    /// <param name="window">The window's length, or null for <see cref="AnalysisOptions.Window"/>.</param>
    /// <param name="cancellationToken">Cancels the investigation; nothing is stored then.</param>
    /// <returns>The stored report and the findings it holds.</returns>
    /// <exception cref="UnknownToolException">The tool has no version.</exception>
    Task<InvestigationRun> InvestigateAsync(string toolName, TimeSpan? window = null, CancellationToken cancellationToken = default);
}

/// <summary>A stored investigation and its findings.</summary>
/// <param name="Stored">The row stored in <c>investigation_reports</c>.</param>
/// <param name="Findings">The findings it holds.</param>
public sealed record InvestigationRun(InvestigationReport Stored, ToolInvestigation Findings);
