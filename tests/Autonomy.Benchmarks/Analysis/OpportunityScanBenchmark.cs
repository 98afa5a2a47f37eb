using System.Diagnostics;
using Autonomy.Benchmarks.Storage;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Grains.Loop;
using Autonomy.Storage.Postgres;
using Npgsql;

namespace Autonomy.Benchmarks.Analysis;

/// <summary>
/// The loop's opportunity scan with the analyzer's thresholds (<see cref="AnalysisOptions"/>) and the loop's
/// defaults (<see cref="LoopOptions"/>), as <c>LoopCoordinatorGrain</c> runs it: the tools below 0.7 with ≥ 10
/// attributable executions over yesterday and today (<see cref="LoopOptions.ScanWindowAt"/>: whole UTC days up to the
/// next midnight, read from the daily rollups), the worst <see cref="LoopOptions.MaxToolsPerScan"/> of them and the
/// count of tools judged; then the tools below 0.7 with ≥ 5 attributable executions in the last hour (hourly rows);
/// then the loop's two rules in memory (<c>OpportunityRules</c>, the grain's own code). 100,000 tools, each with 4 executions an
/// hour over the 25 hours from 12:00 yesterday to 12:59 today (2,500,000 hourly rollup rows, as many histogram rows,
/// and 200,000 daily rows, one per tool and day as for full days), written hour by hour as the sink would. The scan
/// runs at 12:30. One tool in ten fails 40–60 % of the time; one in a hundred broke in the last two hours (8
/// executions an hour there, 7 of them failing). The judged and flagged counts are computed while populating and
/// checked on every run.
/// </summary>
internal static class OpportunityScanBenchmark
{
    /// <summary>The limit of one scan: it runs on a reminder every few minutes and must leave the silo's turn free.</summary>
    public const double LimitMilliseconds = 1_000;

    private const int Tools = 100_000;
    private const int Hours = 25;
    private const int PerHour = 4;
    private const int Runs = 7;

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 30, 0, TimeSpan.Zero);

    public static async Task RunAsync(string server)
    {
        var options = new AnalysisOptions();
        var loop = new LoopOptions();

        // The grain keeps the worst MaxOpportunitiesPerScan; the benchmark counts every tool the rules flag, which
        // costs the same sort.
        var everyOpportunity = new LoopOptions { MaxOpportunitiesPerScan = int.MaxValue };
        var (dataSource, name) = await StorageBenchmarks.CreateDatabaseAsync(server);
        try
        {
            var populate = Stopwatch.StartNew();
            var expected = await PopulateAsync(dataSource, options, loop);
            populate.Stop();
            var vacuum = Stopwatch.StartNew();
            await StorageBenchmarks.ExecuteAsync(dataSource, "VACUUM ANALYZE tool_execution_rollups, tool_execution_rollup_latency, tool_execution_daily_rollups");
            vacuum.Stop();
            var rows = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_execution_rollups");
            Console.WriteLine(StorageBenchmarks.Format(
                $"opportunity scan: {rows:N0} hourly rollup rows ({Tools:N0} tools x {Hours} hours); populated in {populate.Elapsed.TotalSeconds:F1} s, VACUUM ANALYZE {vacuum.Elapsed.TotalSeconds:F1} s; {expected.AllBelow:N0} tools below over the window, the worst {expected.Below:N0} returned (MaxToolsPerScan {loop.MaxToolsPerScan:N0}), {expected.Flagged:N0} expected flagged"));

            var store = new PostgresExecutionStore(dataSource);
            var runs = new List<(MemoryProbe.Measurement Whole, double Window, double Recent)>();
            for (var run = 1; run <= Runs; run++)
            {
                double window = 0, recent = 0;
                var (flagged, measurement) = await MemoryProbe.MeasureAsync(async () =>
                {
                    var stopwatch = Stopwatch.StartNew();
                    var (from, to) = loop.ScanWindowAt(Now);
                    var judged = await store.ScanToolsBelowSuccessRateAsync(from, to, options.SuccessRateBelow, options.MinimumExecutions, loop.MaxToolsPerScan);
                    window = stopwatch.Elapsed.TotalMilliseconds;
                    var recentRows = await store.FindToolsBelowSuccessRateAsync(Now - options.RecentWindow, Now, options.SuccessRateBelow, options.RecentFailures, loop.MaxToolsPerScan);
                    recent = stopwatch.Elapsed.TotalMilliseconds - window;
                    Check(judged.ToolsJudged == Tools, $"{judged.ToolsJudged} tools judged, {Tools} expected");
                    Check(judged.Below.Count == expected.Below, $"{judged.Below.Count} tools below returned, {expected.Below} expected");
                    return OpportunityRules.Select(judged, recentRows, options, everyOpportunity).Opportunities.Count;
                });
                Check(flagged == expected.Flagged, $"{flagged} tools flagged, {expected.Flagged} expected");
                runs.Add((measurement, window, recent));
                Console.WriteLine(StorageBenchmarks.Format(
                    $"run {run}: {measurement.Milliseconds:F0} ms (window read {window:F0} ms, last-hour read {recent:F0} ms), {flagged:N0} flagged, allocated {measurement.AllocatedBytes / 1048576.0:F1} MiB"));
            }

            var warm = runs.Skip(1).ToList();
            var median = StorageBenchmarks.Median(warm.Select(r => r.Whole.Milliseconds));
            Console.WriteLine(StorageBenchmarks.Format(
                $"opportunity scan: first {runs[0].Whole.Milliseconds:F0} ms, median of the next {warm.Count} {median:F0} ms (window read {StorageBenchmarks.Median(warm.Select(r => r.Window)):F0} ms, last-hour read {StorageBenchmarks.Median(warm.Select(r => r.Recent)):F0} ms; min {warm.Min(r => r.Whole.Milliseconds):F0}, max {warm.Max(r => r.Whole.Milliseconds):F0}) = {median / LimitMilliseconds:F2}x the {LimitMilliseconds:F0} ms limit; allocated {StorageBenchmarks.Median(warm.Select(r => (double)r.Whole.AllocatedBytes)) / 1048576.0:F1} MiB per scan, peak managed heap above baseline {warm.Max(r => r.Whole.PeakHeapAboveBaselineBytes) / 1048576.0:F1} MiB"));
        }
        finally
        {
            await StorageBenchmarks.DropDatabaseAsync(server, dataSource, name);
        }
    }

    /// <summary>
    /// Writes the rollups, and returns how many tools are below the threshold over the window, how many of them the
    /// window read returns, and how many the rules flag.
    /// </summary>
    private static async Task<(int AllBelow, int Below, int Flagged)> PopulateAsync(NpgsqlDataSource dataSource, AnalysisOptions options, LoopOptions loop)
    {
        var random = new Random(11);
        var first = ExecutionRollup.BucketOf(Now - TimeSpan.FromHours(24));
        var recentFrom = ExecutionRollup.BucketOf(Now - options.RecentWindow);
        await using var copy = await SyntheticRollupCopy.StartAsync(dataSource);
        // Hour by hour, every tool in each hour: the physical order the sink's upserts give the table as time passes
        // (the BRIN index on bucket_start depends on it).
        var failureRates = new double[Tools];
        for (var tool = 0; tool < Tools; tool++)
        {
            failureRates[tool] = tool % 10 == 0 ? 0.4 + (random.NextDouble() * 0.2) : random.NextDouble() * 0.2;
        }

        var names = Enumerable.Range(0, Tools).Select(t => $"tool-{t:D6}").ToArray();
        var window = new (long Executions, long Successes)[Tools];
        var recent = new (long Executions, long Successes)[Tools];
        var days = new Dictionary<DateTimeOffset, (long Executions, long Successes)[]>();
        for (var hour = 0; hour < Hours; hour++)
        {
            var start = first.AddHours(hour);
            var recentHour = start >= recentFrom;
            var day = ExecutionRollupAggregator.DayOf(start);
            if (!days.TryGetValue(day, out var daySums))
            {
                days[day] = daySums = new (long, long)[Tools];
            }

            for (var tool = 0; tool < Tools; tool++)
            {
                int executions, failures = 0;
                if (tool % 100 == 7 && recentHour)
                {
                    // One tool in a hundred broke in the last two hours.
                    (executions, failures) = (8, 7);
                }
                else
                {
                    executions = PerHour;
                    for (var i = 0; i < executions; i++)
                    {
                        failures += random.NextDouble() < failureRates[tool] ? 1 : 0;
                    }
                }

                await copy.WriteHourAsync(names[tool], start, executions, failures);
                window[tool] = (window[tool].Executions + executions, window[tool].Successes + executions - failures);
                daySums[tool] = (daySums[tool].Executions + executions, daySums[tool].Successes + executions - failures);
                if (recentHour)
                {
                    recent[tool] = (recent[tool].Executions + executions, recent[tool].Successes + executions - failures);
                }
            }
        }

        // Each day's row holds the sums of its hourly rows above, as the sink writes it.
        foreach (var (day, daySums) in days)
        {
            for (var tool = 0; tool < Tools; tool++)
            {
                var (dayExecutions, daySuccesses) = daySums[tool];
                await copy.WriteDayAsync(names[tool], day, dayExecutions, daySuccesses);
            }
        }

        // Every hour written lies in the scan window (yesterday and today), so the window's sums are the hours'. The
        // window read returns the worst MaxToolsPerScan below the threshold, by rate then name, as the store orders.
        var below = Enumerable.Range(0, Tools)
            .Where(t => window[t].Executions >= options.MinimumExecutions && (double)window[t].Successes / window[t].Executions < options.SuccessRateBelow)
            .OrderBy(t => (double)window[t].Successes / window[t].Executions)
            .ThenBy(t => names[t], StringComparer.Ordinal)
            .ToList();
        var flagged = below.Take(loop.MaxToolsPerScan).ToHashSet();
        for (var tool = 0; tool < Tools; tool++)
        {
            if (recent[tool].Executions - recent[tool].Successes >= options.RecentFailures && (double)recent[tool].Successes / recent[tool].Executions < options.SuccessRateBelow)
            {
                flagged.Add(tool);
            }
        }

        await copy.CompleteAsync();
        return (below.Count, Math.Min(below.Count, loop.MaxToolsPerScan), flagged.Count);
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Wrong result: " + failure);
        }
    }
}
