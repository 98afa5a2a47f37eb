using System.Globalization;
using System.Text.RegularExpressions;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Core.Text;
using Autonomy.Core.Versions;
using Orleans.Concurrency;

namespace Autonomy.Grains.Versions;

/// <summary>Version history and comparisons, read from the stores; no tool grain is woken.</summary>
[StatelessWorker]
public sealed partial class VersionHistoryGrain(
    IToolVersionStore versions,
    ILifecycleEventStore lifecycle,
    ITestResultStore tests,
    IExecutionStore executions,
    TimeProvider time) : Grain, IVersionHistoryGrain
{
    /// <summary>Lifecycle events read to rebuild the live periods.</summary>
    public const int EventsRead = 2_000;

    /// <summary>Test runs read per tool.</summary>
    public const int TestsRead = 200;

    /// <inheritdoc />
    public async Task<IReadOnlyList<VersionHistoryEntry>> ListAsync(string toolName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(toolName))
        {
            return [];
        }

        var stored = await versions.ListAsync(toolName, cancellationToken);
        if (stored.Count == 0)
        {
            return [];
        }

        var periods = VersionLivePeriods.From(await lifecycle.ListEventsAsync(toolName, EventsRead, cancellationToken));
        var runs = await tests.ListSummaryAsync(toolName, TestsRead, cancellationToken);
        return [.. stored.OrderBy(v => v.Version).Select(v => Entry(v, periods, runs))];
    }

    /// <inheritdoc />
    public async Task<VersionComparison?> CompareAsync(string toolName, int left, int right, CancellationToken cancellationToken = default)
    {
        var history = await ListAsync(toolName, cancellationToken);
        var l = history.FirstOrDefault(v => v.Version == left);
        var r = history.FirstOrDefault(v => v.Version == right);
        if (l is null || r is null)
        {
            return null;
        }

        var leftSource = await versions.GetAsync(toolName, left, cancellationToken);
        var rightSource = await versions.GetAsync(toolName, right, cancellationToken);
        var now = time.GetUtcNow();
        var from = history.Min(v => v.CreatedAt);
        var rollups = await executions.ReadRollupsAsync(toolName, null, from, now + ExecutionRollup.BucketWidth, cancellationToken);
        var diff = LineDiff.Unified(leftSource!.Source, rightSource!.Source, $"{toolName} v{left}", $"{toolName} v{right}");
        return new VersionComparison(toolName, l, r, Metrics(l, rollups, now), Metrics(r, rollups, now), diff);
    }

    private static VersionSideMetrics Metrics(VersionHistoryEntry entry, IReadOnlyList<ExecutionRollup> rollups, DateTimeOffset now)
    {
        var live = TimeSpan.FromTicks(entry.LivePeriods.Sum(p => ((p.To ?? now) - p.From).Ticks));
        var m = VersionMetrics.From(entry.Version, rollups, live);
        return new VersionSideMetrics(m.Version, m.Executions, m.Successes, m.ToolErrors, m.Timeouts, m.BudgetExceeded, m.InvalidOutputs, m.InvalidInputs, m.SuccessRate, m.P50, m.P95, m.LiveTime);
    }

    private static VersionHistoryEntry Entry(ToolVersion v, IReadOnlyList<LivePeriod> periods, IReadOnlyList<TestingSummaryRow> runs) => new(
        v.Version,
        v.Author == VersionAuthor.Autonomous ? "autonomous" : "human",
        v.ParentVersion,
        v.Reason,
        v.CreatedAt,
        v.SourceHash,
        AttemptOf(v.Reason),
        [.. runs.Where(t => t.NewVersion == v.Version).Select(t => new VersionTestSummary(
            t.TestType == TestKind.Shadow ? "shadow" : "replay", t.Passed, t.PassedCases, t.TotalCases, t.Regressions, t.TestedAt))],
        [.. periods.Where(p => p.Version == v.Version).Select(p => new VersionLiveSpan(p.From, p.To, p.How))]);

    /// <summary>The attempt an autonomous version's reason names (<c>improvement attempt 12: ...</c>).</summary>
    internal static long? AttemptOf(string reason) =>
        AttemptPattern().Match(reason) is { Success: true } match && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    [GeneratedRegex(@"^improvement attempt (\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex AttemptPattern();
}
