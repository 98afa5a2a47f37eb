using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Loop;

/// <summary>
/// The scan's two opportunity rules (DESIGN.md §5.2), applied to rollup rows with the analyzer's
/// thresholds (<see cref="AnalysisOptions"/>):
/// <list type="bullet">
/// <item><b>low success rate</b>: below <see cref="AnalysisOptions.SuccessRateBelow"/> over the scan window with at
/// least <see cref="AnalysisOptions.MinimumExecutions"/> attributable executions;</item>
/// <item><b>recent failures</b>: at least <see cref="AnalysisOptions.RecentFailures"/> failures over the recent
/// window while the success rate there is also below <see cref="AnalysisOptions.SuccessRateBelow"/>, so that a tool
/// that just broke is flagged before its rate over the scan window sinks, and a busy tool with a few failures among
/// thousands of successes is not.</item>
/// </list>
/// A tool flagged by either rule is one opportunity whose reason names the rules it met.
/// </summary>
internal static class OpportunityRules
{
    /// <summary>
    /// Picks the opportunities, worst first (by the success rate the opportunity reports), then by name.
    /// </summary>
    /// <param name="window">
    /// The scan window's read: the tools below <see cref="AnalysisOptions.SuccessRateBelow"/> with at least
    /// <see cref="AnalysisOptions.MinimumExecutions"/> attributable executions, and how many tools had that many.
    /// </param>
    /// <param name="recent">
    /// The tools below <see cref="AnalysisOptions.SuccessRateBelow"/> over the recent window with at least
    /// <see cref="AnalysisOptions.RecentFailures"/> attributable executions. That execution floor is a necessary
    /// condition only (a tool with that many failures has at least that many executions); the failures themselves
    /// are counted here.
    /// </param>
    /// <param name="analysis">The thresholds.</param>
    /// <param name="loop">The scan window's length (for the reasons) and the cap on opportunities.</param>
    /// <returns>The opportunities, and how many tools the scan window judged.</returns>
    public static (IReadOnlyList<LoopOpportunity> Opportunities, int ToolsAnalyzed) Select(
        ToolRollupScan window, IReadOnlyList<ToolRollupSummary> recent, AnalysisOptions analysis, LoopOptions loop)
    {
        var byName = new Dictionary<string, (ToolRollupSummary? Window, ToolRollupSummary? Recent)>(StringComparer.Ordinal);
        foreach (var row in window.Below)
        {
            byName[row.ToolName] = (row, null);
        }

        foreach (var row in recent)
        {
            byName[row.ToolName] = byName.TryGetValue(row.ToolName, out var found) ? (found.Window, row) : (null, row);
        }

        var opportunities = new List<LoopOpportunity>();
        foreach (var (_, (windowRow, recentRow)) in byName)
        {
            var lowRate = windowRow is not null && windowRow.SuccessRate < analysis.SuccessRateBelow;
            var recentFailures = recentRow is not null
                && recentRow.SuccessRate < analysis.SuccessRateBelow
                && Failures(recentRow) >= analysis.RecentFailures;
            if (!lowRate && !recentFailures)
            {
                continue;
            }

            var reasons = new List<string>(2);
            if (lowRate)
            {
                reasons.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"success rate {windowRow!.SuccessRate:0.00} over {windowRow.Attributable} executions ({Failures(windowRow)} failed) {WindowText(loop)}"));
            }

            if (recentFailures)
            {
                reasons.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Failures(recentRow!)} of {recentRow!.Attributable} executions failed in the last {analysis.RecentWindowMinutes} min"));
            }

            // The numbers are the scan window's when the rate rule flags the tool, else the recent window's: the
            // scan window's read returns only the tools below the threshold, so a tool flagged by the recent rule
            // alone has no scan-window row, and its reason is about the recent window anyway.
            var numbers = lowRate ? windowRow! : recentRow!;
            opportunities.Add(new LoopOpportunity(numbers.ToolName, string.Join("; ", reasons), numbers.SuccessRate, numbers.Attributable, Failures(numbers)));
        }

        var picked = opportunities
            .OrderBy(o => o.SuccessRate)
            .ThenBy(o => o.ToolName, StringComparer.Ordinal)
            .Take(loop.MaxOpportunitiesPerScan)
            .ToList();
        return (picked, window.ToolsJudged);
    }

    private static long Failures(ToolRollupSummary row) => row.Attributable - row.Successes;

    private static string WindowText(LoopOptions loop) => loop.ScanWindowDays switch
    {
        1 => "today (UTC)",
        2 => "today and yesterday (UTC)",
        var days => string.Create(CultureInfo.InvariantCulture, $"today and the previous {days - 1} days (UTC)"),
    };
}
