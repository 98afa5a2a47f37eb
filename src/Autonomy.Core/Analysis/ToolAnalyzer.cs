using Autonomy.Core.Storage;
using Microsoft.Extensions.Options;
using static Autonomy.Core.Analysis.FindingText;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Analyses one tool over a window (the predecessor's <c>ToolAnalyzer</c>): success rates with Wilson intervals,
/// executions per day, the trend of the daily success rate, latency percentiles and the outcome mix, per version
/// and overall, all from hourly rollups; error patterns from a sample of the newest failures; the current failure
/// streak; whether the tool is an opportunity; and recommendations. Its cost grows with hours and versions, not
/// executions: raw executions are only sampled.
/// </summary>
public sealed class ToolAnalyzer
{
    /// <summary>The most feedback rows read for wrong outputs.</summary>
    public const int MaxFeedbackRead = 1_000;

    /// <summary>The newest executions read for the failure streak.</summary>
    public const int StreakRead = 200;

    private readonly IExecutionStore _executions;
    private readonly IFeedbackStore _feedback;
    private readonly IToolAnalyticsStore _analytics;
    private readonly AnalysisOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates an analyzer.</summary>
    public ToolAnalyzer(IExecutionStore executions, IFeedbackStore feedback, IToolAnalyticsStore analytics, IOptions<AnalysisOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(analytics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _executions = executions;
        _feedback = feedback;
        _analytics = analytics;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The options in force.</summary>
    public AnalysisOptions Options => _options;

    /// <summary>Analyses a tool over the window ending now, and stores the analysis in <c>tool_analytics</c>.</summary>
    /// <param name="toolName">The tool.</param>
    /// <param name="window">The window's length, or null for <see cref="AnalysisOptions.Window"/>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public async Task<ToolAnalysis> AnalyzeAsync(string toolName, TimeSpan? window = null, CancellationToken cancellationToken = default) =>
        (await AnalyzeWithSamplesAsync(toolName, window, cancellationToken)).Analysis;

    /// <summary>As <see cref="AnalyzeAsync"/>, and returns what it read.</summary>
    public async Task<(ToolAnalysis Analysis, AnalysisSamples Samples)> AnalyzeWithSamplesAsync(string toolName, TimeSpan? window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var span = window ?? _options.Window;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(window));
        var end = _time.GetUtcNow();
        var start = end - span;

        var rollups = await _executions.ReadRollupsAsync(toolName, null, start, end, cancellationToken);
        var failures = await _executions.ReadFailuresAsync(toolName, start, _options.FailureSampleSize, cancellationToken);
        var wrongFeedback = (await _feedback.ListAsync(toolName, null, MaxFeedbackRead, cancellationToken))
            .Where(f => !f.Correct && f.CreatedAt >= start)
            .ToList();
        var wrongOutputs = wrongFeedback.Count == 0
            ? []
            : (await _executions.ReadByIdsAsync(wrongFeedback.Select(f => f.ExecutionId).Distinct().ToList(), cancellationToken))
                .Where(e => e.Outcome == Abstractions.Execution.ExecutionOutcome.Success && e.StartedAt >= ExecutionRollup.BucketOf(start))
                .ToList();
        var newest = await _executions.ReadRecentAsync(toolName, null, Math.Max(StreakRead, _options.FailureStreak), null, cancellationToken);

        var wrongIds = wrongOutputs.Select(w => w.ExecutionId).ToHashSet();
        var wrongByVersion = wrongOutputs.GroupBy(w => w.ToolVersion).ToDictionary(g => g.Key, g => (long)g.Count());
        var windowStart = ExecutionRollup.BucketOf(start);
        var versions = rollups
            .GroupBy(r => r.ToolVersion)
            .OrderBy(g => g.Key)
            .Select(g => Statistics(g.Key, g.ToList(), wrongByVersion.GetValueOrDefault(g.Key), windowStart, end))
            .ToList();
        var overall = Statistics(null, rollups, wrongOutputs.Count, windowStart, end);
        var patterns = ErrorPatternClusterer.Cluster(failures, wrongOutputs);
        var (streak, lastFailure) = Streak(newest, wrongIds);
        var recent = Recent(rollups, end);
        var reasons = OpportunityReasons(overall, versions.LastOrDefault(), streak, recent);
        var analysis = new ToolAnalysis(
            toolName,
            start,
            end,
            overall,
            versions,
            patterns,
            failures.Count + wrongOutputs.Count,
            streak,
            lastFailure,
            reasons.Count > 0,
            reasons,
            Recommend(overall, versions.LastOrDefault(), patterns));

        await _analytics.SaveAsync(
            new NewToolAnalytics(
                toolName,
                null,
                start,
                end,
                overall.Outcomes.Total,
                overall.Outcomes.CorrectSuccesses,
                overall.SuccessRate.Rate,
                overall.Latency?.MeanMs,
                overall.Latency?.P95Ms,
                AnalysisJson.Serialize(analysis)),
            cancellationToken);
        return (analysis, new AnalysisSamples(rollups, failures, wrongOutputs, wrongFeedback));
    }

    /// <summary>The statistics of a set of hourly rollups (one version, or all).</summary>
    public static VersionStatistics Statistics(int? version, IReadOnlyList<ExecutionRollup> rollups, long feedbackWrong, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        if (rollups.Count == 0)
        {
            return new VersionStatistics(version, null, null, OutcomeMix.Empty, RateInterval.Wilson(0, 0), 0, new SuccessTrend(TrendDirection.InsufficientData, null, null, 0), null);
        }

        long success = 0, toolError = 0, timeout = 0, budget = 0, invalidOutput = 0, invalidInput = 0, durationSum = 0;
        long durationMin = long.MaxValue, durationMax = 0;
        var histogram = new int[ExecutionLatencyHistogram.BucketCount];
        var days = new SortedDictionary<int, (long Attributable, long Successes)>();
        foreach (var rollup in rollups)
        {
            success += rollup.SuccessCount;
            toolError += rollup.ToolErrorCount;
            timeout += rollup.TimeoutCount;
            budget += rollup.BudgetExceededCount;
            invalidOutput += rollup.InvalidOutputCount;
            invalidInput += rollup.InvalidInputCount;
            durationSum += rollup.DurationSumMicroseconds;
            durationMin = Math.Min(durationMin, rollup.DurationMinMicroseconds);
            durationMax = Math.Max(durationMax, rollup.DurationMaxMicroseconds);
            ExecutionLatencyHistogram.Merge(histogram, rollup.LatencyHistogram.ToArray());
            var day = (int)Math.Floor((rollup.BucketStart - windowStart).TotalDays);
            days.TryGetValue(day, out var counts);
            days[day] = (counts.Attributable + rollup.Attributable, counts.Successes + rollup.SuccessCount);
        }

        var outcomes = new OutcomeMix(success, toolError, timeout, budget, invalidOutput, invalidInput, Math.Min(feedbackWrong, success));
        var firstSeen = rollups.Min(r => r.BucketStart);
        var lastSeen = rollups.Max(r => r.BucketStart);
        var liveDays = Math.Max(1.0, (windowEnd - firstSeen).TotalDays);

        // Wrong outputs are not in the rollups by day; they count against the overall rate only.
        var trend = SuccessTrendEstimator.Estimate(days.Select(d => ((double)d.Key, d.Value.Attributable, d.Value.Successes)).ToList());
        var total = outcomes.Total;
        LatencySummary? latency = total == 0 ? null : new LatencySummary(
            durationSum / 1000.0 / total,
            Milliseconds(histogram, 0.50, durationMin, durationMax),
            Milliseconds(histogram, 0.95, durationMin, durationMax),
            Milliseconds(histogram, 0.99, durationMin, durationMax),
            durationMax / 1000.0);
        return new VersionStatistics(
            version,
            firstSeen,
            lastSeen,
            outcomes,
            RateInterval.Wilson(outcomes.CorrectSuccesses, outcomes.Attributable),
            total / liveDays,
            trend,
            latency);
    }

    private static double Milliseconds(int[] histogram, double quantile, long min, long max) =>
        (ExecutionLatencyHistogram.EstimatePercentile(histogram, quantile, min, max) ?? TimeSpan.Zero).TotalMilliseconds;

    private static (int Streak, DateTimeOffset? LastFailure) Streak(IReadOnlyList<ExecutionRecord> newestFirst, HashSet<Guid> wrongIds)
    {
        var streak = 0;
        var counting = true;
        DateTimeOffset? lastFailure = null;
        foreach (var execution in newestFirst)
        {
            if (execution.Outcome == Abstractions.Execution.ExecutionOutcome.InvalidInput)
            {
                continue;
            }

            var failed = execution.CountsAsToolFailure || wrongIds.Contains(execution.ExecutionId);
            if (failed)
            {
                lastFailure ??= execution.StartedAt;
                streak += counting ? 1 : 0;
            }
            else
            {
                counting = false;
                if (lastFailure is not null)
                {
                    break;
                }
            }
        }

        return (streak, lastFailure);
    }

    private (long Attributable, long Failures) Recent(IReadOnlyList<ExecutionRollup> rollups, DateTimeOffset end)
    {
        var since = ExecutionRollup.BucketOf(end - _options.RecentWindow);
        long attributable = 0, failures = 0;
        foreach (var rollup in rollups.Where(r => r.BucketStart >= since))
        {
            attributable += rollup.Attributable;
            failures += rollup.Failures;
        }

        return (attributable, failures);
    }

    private List<string> OpportunityReasons(VersionStatistics overall, VersionStatistics? latest, int streak, (long Attributable, long Failures) recent)
    {
        var reasons = new List<string>();
        foreach (var stats in latest is null || latest.Version is null ? new[] { overall } : new[] { overall, latest })
        {
            if (stats.SuccessRate is { Rate: { } rate, Trials: var trials } && trials >= _options.MinimumExecutions && rate < _options.SuccessRateBelow)
            {
                var scope = stats.Version is null ? "overall" : $"version {stats.Version}";
                reasons.Add(Invariant($"success rate {rate:0.00} ({scope}, {trials} executions) below {_options.SuccessRateBelow:0.00}"));
            }
        }

        if (recent.Failures >= _options.RecentFailures && recent.Attributable > 0
            && 1 - ((double)recent.Failures / recent.Attributable) < _options.SuccessRateBelow)
        {
            reasons.Add(Invariant($"{recent.Failures} failures of {recent.Attributable} executions in the last {_options.RecentWindowMinutes} minutes"));
        }

        if (streak >= _options.FailureStreak)
        {
            reasons.Add(Invariant($"the newest {streak} executions all failed"));
        }

        return reasons;
    }

    private List<string> Recommend(VersionStatistics overall, VersionStatistics? latest, IReadOnlyList<ErrorPattern> patterns)
    {
        var recommendations = new List<string>();
        var current = latest ?? overall;
        if (patterns.Count > 0 && patterns[0].Share >= 0.5)
        {
            var top = patterns[0];
            var template = FixTemplates.For(top.ExceptionType, top.ExampleMessage);
            var where = top.Line is null ? string.Empty : Invariant($" at line {top.Line}");
            recommendations.Add(top.Outcome == ErrorPatternClusterer.WrongOutput
                ? Invariant($"{top.Count} outputs were reported wrong: search mutations against the expected outputs")
                : Invariant($"fix the dominant failure{where} ({top.Share:P0} of sampled failures: {top.Signature})") + (template is null ? string.Empty : $"; fix template '{template}'"));
        }

        if (current.Trend.Direction == TrendDirection.Worsening)
        {
            recommendations.Add(Invariant($"the success rate is falling by {-current.Trend.SlopePerDay!.Value:P1} a day (±{current.Trend.StandardError:P1}): investigate before it crosses the threshold"));
        }

        if (current.Latency is { } latency && latency.P95Ms > _options.SlowP95Milliseconds)
        {
            recommendations.Add(Invariant($"p95 latency {latency.P95Ms:0} ms is above {_options.SlowP95Milliseconds} ms: profile the tool"));
        }

        var outcomes = current.Outcomes;
        if (outcomes.Total > 0 && outcomes.InvalidInput > outcomes.Total / 4)
        {
            recommendations.Add(Invariant($"{outcomes.InvalidInput} of {outcomes.Total} executions were invalid input: the callers need a clearer schema or examples, not a tool fix"));
        }

        if (outcomes.Timeout + outcomes.BudgetExceeded > 0 && outcomes.Attributable > 0 && (outcomes.Timeout + outcomes.BudgetExceeded) * 10 >= outcomes.Attributable)
        {
            recommendations.Add(Invariant($"{outcomes.Timeout} timeouts and {outcomes.BudgetExceeded} exhausted budgets: look for unbounded loops or raise the budgets"));
        }

        if (recommendations.Count == 0)
        {
            recommendations.Add(current.SuccessRate.Trials < _options.MinimumExecutions
                ? Invariant($"not enough executions to judge ({current.SuccessRate.Trials} of {_options.MinimumExecutions})")
                : "no action needed");
        }

        return recommendations;
    }
}
