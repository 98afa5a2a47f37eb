using System.Diagnostics;
using Autonomy.Benchmarks.Storage;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Autonomy.Benchmarks.Analysis;

/// <summary>
/// <see cref="ToolAnalyzer.AnalyzeAsync"/> and <see cref="ToolInvestigator.InvestigateAsync"/> on one tool with a
/// month of recorded executions (1,000,000 by default; <see cref="ParseDateWorkload"/>), on PostgreSQL and on
/// SQLite. The executions are written by the real sinks (<see cref="PostgresExecutionLogSink"/>,
/// <see cref="SqliteExecutionLogSink"/>), so the hourly and daily rollups and the latency histograms are exactly
/// what production writes. Every run's result is checked (the planted cluster, line, feature and onset), so a broken
/// path cannot pass for a fast one.
/// </summary>
internal static class ToolAnalysisBenchmark
{
    /// <summary>The limit of one investigation: the CLI waits for it, and the loop investigates each opportunity in turn.</summary>
    public const double InvestigationLimitMilliseconds = 2_000;

    /// <summary>The limit of one analysis (a part of the investigation).</summary>
    public const double AnalysisLimitMilliseconds = 1_000;

    public const int DefaultExecutions = 1_000_000;

    private const int BatchSize = 10_000;
    private const int Runs = 7;

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string? server, int executions)
    {
        var workload = new ParseDateWorkload(Now, executions);
        if (server is not null)
        {
            var (dataSource, name) = await StorageBenchmarks.CreateDatabaseAsync(server);
            try
            {
                var clock = new BenchmarkClock(workload.Start);
                var stores = PostgresStoreDatabase.CreateStores(dataSource, clock);
                var populate = Stopwatch.StartNew();
                await PopulateAsync(workload, new PostgresExecutionLogSink(dataSource), stores, clock);
                populate.Stop();
                var vacuum = Stopwatch.StartNew();
                await StorageBenchmarks.ExecuteAsync(dataSource, "VACUUM ANALYZE");
                vacuum.Stop();
                var rows = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_executions");
                var rollups = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_execution_rollups");
                var size = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_executions')");
                Console.WriteLine(StorageBenchmarks.Format(
                    $"PostgreSQL: {rows:N0} executions ({size / 1048576.0:N0} MiB with indexes), {rollups:N0} hourly rollup rows; populated through PostgresExecutionLogSink in {populate.Elapsed.TotalSeconds:F1} s, VACUUM ANALYZE {vacuum.Elapsed.TotalSeconds:F1} s"));
                Check(rows == executions, $"{rows} executions stored, {executions} expected");
                await MeasureAsync("PostgreSQL", new PostgresExecutionStore(dataSource), stores, clock, executions);
            }
            finally
            {
                await StorageBenchmarks.DropDatabaseAsync(server, dataSource, name);
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"autonomy-analysis-{Guid.NewGuid():N}.db");
        try
        {
            var connections = SqliteConnectionFactory.ForFile(path);
            await SqliteMigrator.MigrateAsync(connections);
            var clock = new BenchmarkClock(workload.Start);
            var stores = SqliteStoreDatabase.CreateStores(connections, clock);
            var populate = Stopwatch.StartNew();
            await PopulateAsync(workload, new SqliteExecutionLogSink(connections), stores, clock);
            populate.Stop();
            Console.WriteLine(StorageBenchmarks.Format(
                $"SQLite: {executions:N0} executions, file {new FileInfo(path).Length / 1048576.0:N0} MiB; populated through SqliteExecutionLogSink in {populate.Elapsed.TotalSeconds:F1} s"));
            await MeasureAsync("SQLite", new SqliteExecutionStore(connections), stores, clock, executions);
            connections.ClearPool();
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task PopulateAsync(ParseDateWorkload workload, IExecutionLogSink sink, ProjectStores stores, BenchmarkClock clock)
    {
        var sources = ParseDateWorkload.Sources();
        foreach (var (version, at) in workload.Deploys)
        {
            clock.Now = at;
            await stores.Versions.AppendAsync(new NewToolVersion(
                ParseDateWorkload.ToolName, version, sources[version - 1], version == 1 ? null : version - 1, VersionAuthor.Human, "benchmark"));
            await stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(ParseDateWorkload.ToolName, "deployed", null, ToolStatus.Active, version, "{}"));
        }

        foreach (var batch in workload.Batches(BatchSize))
        {
            await sink.WriteAsync(batch);
        }

        await sink.FlushAsync();
        clock.Now = workload.Now;
    }

    private static async Task MeasureAsync(string store, IExecutionStore executions, ProjectStores stores, TimeProvider clock, int expectedExecutions)
    {
        var options = Options.Create(new AnalysisOptions());
        var analyzer = new ToolAnalyzer(executions, stores.Feedback, stores.Analytics, options, clock);
        var investigator = new ToolInvestigator(analyzer, executions, stores.Versions, stores.Lifecycle, stores.InvestigationReports, options);

        var analyses = new List<MemoryProbe.Measurement>();
        for (var run = 0; run < Runs; run++)
        {
            var (analysis, measurement) = await MemoryProbe.MeasureAsync(() => analyzer.AnalyzeAsync(ParseDateWorkload.ToolName));
            VerifyAnalysis(analysis, expectedExecutions);
            analyses.Add(measurement);
        }

        var investigations = new List<MemoryProbe.Measurement>();
        ToolInvestigation? last = null;
        for (var run = 0; run < Runs; run++)
        {
            var (report, measurement) = await MemoryProbe.MeasureAsync(() => investigator.InvestigateAsync(ParseDateWorkload.ToolName));
            VerifyInvestigation(report.Findings);
            investigations.Add(measurement);
            last = report.Findings;
        }

        Report(store, "analysis", analyses, AnalysisLimitMilliseconds);
        Report(store, "investigation", investigations, InvestigationLimitMilliseconds);
        Console.WriteLine(StorageBenchmarks.Format($"{store}: process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB (includes population)"));
        Console.WriteLine($"{store}: checked on every run: {last!.Verdict}, {last.ErrorClusters[0].Pattern.Signature} -> `{last.ErrorClusters[0].Site!.Expression}`; {last.InputFeatures[0].Description}; {last.Onset!.Description}");
    }

    private static void Report(string store, string what, List<MemoryProbe.Measurement> runs, double limit)
    {
        var warm = runs.Skip(1).ToList();
        var median = StorageBenchmarks.Median(warm.Select(r => r.Milliseconds));
        Console.WriteLine(StorageBenchmarks.Format(
            $"{store} {what}: first {runs[0].Milliseconds:F0} ms, median of the next {warm.Count} {median:F0} ms (min {warm.Min(r => r.Milliseconds):F0}, max {warm.Max(r => r.Milliseconds):F0}) = {median / limit:F2}x the {limit:F0} ms limit; allocated {StorageBenchmarks.Median(warm.Select(r => (double)r.AllocatedBytes)) / 1048576.0:F1} MiB per call (first {runs[0].AllocatedBytes / 1048576.0:F1}), peak managed heap above baseline {warm.Max(r => r.PeakHeapAboveBaselineBytes) / 1048576.0:F1} MiB"));
    }

    private static void VerifyAnalysis(ToolAnalysis analysis, int executions)
    {
        Check(analysis.Overall.Outcomes.Total == executions, $"analysis counted {analysis.Overall.Outcomes.Total} executions, {executions} expected");
        Check(analysis.Versions.Select(v => v.Version).SequenceEqual([1, 2, 3]), "analysis did not see versions 1, 2 and 3");
        var top = analysis.ErrorPatterns[0];
        Check(top.ExceptionType == "System.FormatException" && top.Line == ParseDateWorkload.DefectLine, $"top pattern is {top.Signature}");
        Check(analysis.IsOpportunity, "the tool is not flagged as an opportunity");
    }

    private static void VerifyInvestigation(ToolInvestigation findings)
    {
        Check(findings.Verdict == InvestigationVerdict.Regression && findings.ShouldImprove, $"verdict {findings.Verdict}");
        Check(findings.Version == 3, $"investigated version {findings.Version}");
        var site = findings.ErrorClusters[0].Site;
        Check(site is { Line: ParseDateWorkload.DefectLine } && site.Expression.Contains("ParseExact", StringComparison.Ordinal), $"throw site {site}");
        var feature = findings.InputFeatures[0];
        Check(feature is { Field: "date", Feature: "date:dd/MM/yyyy" }, $"top feature {feature.Field} {feature.Feature}");
        Check(findings.Onset is { Version: 3 }, $"onset {findings.Onset?.Description}");
        Check(findings.Repair.Template == FixTemplates.ParseFormats, $"repair {findings.Repair.Template}");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Wrong result: " + failure);
        }
    }
}
