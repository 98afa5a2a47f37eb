using System.Globalization;
using Autonomy.Benchmarks.Storage;

namespace Autonomy.Benchmarks.Analysis;

/// <summary>
/// The <c>analysis</c> mode: analysis and investigation of one tool with a month of executions (PostgreSQL and
/// SQLite), and the loop's opportunity scan over 100,000 tools (PostgreSQL). PostgreSQL comes from
/// <c>AUTONOMY_TEST_POSTGRES</c> (<c>.ci/postgres.sh</c>); without it only the SQLite part of <c>tool</c> runs.
/// </summary>
internal static class AnalysisBenchmarks
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Command = "analysis";

    /// <summary>Runs <c>analysis [tool|scan|all] [executions]</c>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var server = Environment.GetEnvironmentVariable(StorageBenchmarks.ConnectionVariable);
        var which = args.Count > 0 ? args[0] : "all";
        var executions = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ToolAnalysisBenchmark.DefaultExecutions;
        Console.WriteLine(StorageBenchmarks.Format($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}"));
        if (string.IsNullOrEmpty(server))
        {
            await Console.Error.WriteLineAsync($"{StorageBenchmarks.ConnectionVariable} is not set: PostgreSQL parts skipped. Run: source .ci/postgres.sh && dotnet run ... -- analysis; autonomy_stop_postgres");
            server = null;
        }

        if (which is "tool" or "all")
        {
            await ToolAnalysisBenchmark.RunAsync(server, executions);
        }

        if (which is "scan" or "all" && server is not null)
        {
            await OpportunityScanBenchmark.RunAsync(server);
        }

        return 0;
    }
}
