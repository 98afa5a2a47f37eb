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
    public async Task<IReadOnlyList<VersionHistoryEntry>> ListAsync(string toolName, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(toolName, cancellationToken)).Select(v => v.Entry)];

    /// <inheritdoc />
    public async Task<VersionComparison?> CompareAsync(string toolName, int left, int right, CancellationToken cancellationToken = default)
    {
        var history = await ReadAsync(toolName, cancellationToken);
        var l = history.FirstOrDefault(v => v.Entry.Version == left);
        var r = history.FirstOrDefault(v => v.Entry.Version == right);
        if (l.Entry is null || r.Entry is null)
        {
            return null;
        }

        // Each version's own rollups, from its creation: a version only runs while it is active.
        var now = time.GetUtcNow();
        var to = now + ExecutionRollup.BucketWidth;
        var leftRollups = await executions.ReadRollupsAsync(toolName, left, l.Stored.CreatedAt, to, cancellationToken);
        var rightRollups = await executions.ReadRollupsAsync(toolName, right, r.Stored.CreatedAt, to, cancellationToken);
        var diff = LineDiff.Unified(l.Stored.Source, r.Stored.Source, $"{toolName} v{left}", $"{toolName} v{right}");
        return new VersionComparison(toolName, l.Entry, r.Entry, Metrics(l.Entry, leftRollups, now), Metrics(r.Entry, rightRollups, now), diff);
    }

    /// <summary>The tool's stored versions, oldest first, each with its history entry; empty for no tool.</summary>
    private async Task<IReadOnlyList<(ToolVersion Stored, VersionHistoryEntry Entry)>> ReadAsync(string toolName, CancellationToken cancellationToken)
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
        return [.. stored.OrderBy(v => v.Version).Select(v => (v, Entry(v, periods, runs)))];
    }

    private static VersionSideMetrics Metrics(VersionHistoryEntry entry, IReadOnlyList<ExecutionRollup> rollups, DateTimeOffset now)
    {
        var live = TimeSpan.FromTicks(entry.LivePeriods.Sum(p => ((p.To ?? now) - p.From).Ticks));
        return VersionMetrics.From(entry.Version, rollups, live);
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
