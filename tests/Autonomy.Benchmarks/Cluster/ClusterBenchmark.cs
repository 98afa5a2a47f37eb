using System.Diagnostics;
using System.Globalization;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// Tool execution through the cluster (client → <c>ToolExecutorGrain</c> → sandboxed tool → execution log) against
/// a raw Orleans call to <see cref="EchoGrain"/>, on the same silos in the same run. Three clusters run side by
/// side in this process: one silo, two silos, and (for information) one silo whose execution log stores nothing;
/// the executor alone, without Orleans, is a fourth contender for information.
/// Their rounds interleave, in the reverse order every other round, so drift in the machine's load reaches every
/// contender alike. Goals: tool throughput ≥ 0.5× the echo's, and tool throughput that grows with a second silo.
/// </summary>
/// <remarks>
/// Each caller uses its own grain key for both calls. The client routes a call to a gateway by the target grain's
/// id, and a stateless worker activates on the silo that receives the call, so distinct keys are what spreads the
/// load over both silos; with a single key every call would go through one gateway.
/// </remarks>
internal static class ClusterBenchmark
{
    public const string Command = "cluster";

    private const double ToolToEchoLimit = 0.5;
    private const double ScalingLimit = 1.0;
    private const int DefaultSecondsPerRound = 2;
    private const int DefaultRounds = 6;
    private const int DefaultCallers = 32;
    private const int UnloadedRounds = 3;

    /// <summary><c>cluster [seconds per round] [rounds] [concurrent callers]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, 0, DefaultSecondsPerRound, out var seconds) || !TryParse(args, 1, DefaultRounds, out var rounds)
            || !TryParse(args, 2, DefaultCallers, out var callers))
        {
            Console.Error.WriteLine("usage: cluster [seconds per round, default 2] [rounds, default 6] [concurrent callers, default 32]");
            return 2;
        }

        var round = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        Console.WriteLine(Invariant($"Starting three clusters of real silo hosts on loopback TCP ({Environment.ProcessorCount} cores): 1 silo, 2 silos, 1 silo discarding the execution log..."));
        await using var one = await BenchmarkCluster.StartAsync(1);
        await using var two = await BenchmarkCluster.StartAsync(2);
        await using var discarding = await BenchmarkCluster.StartAsync(1, discardExecutionLog: true);
        Console.WriteLine(Invariant($"Clusters up and the tool deployed after {clock.Elapsed.TotalSeconds:F1} s."));

        var oneEcho = new ContenderResults("1 silo", "raw echo grain", callers);
        var oneTool = new ContenderResults("1 silo", "tool execution", callers);
        var twoEcho = new ContenderResults("2 silos", "raw echo grain", callers);
        var twoTool = new ContenderResults("2 silos", "tool execution", callers);
        var discardingEcho = new ContenderResults("1 silo, log discarded", "raw echo grain", callers);
        var discardingTool = new ContenderResults("1 silo, log discarded", "tool execution", callers);
        var executorAlone = new ContenderResults("no cluster", "ToolExecutor alone", callers);
        var echoAsReply = new ContenderResults("1 silo", "echo returning a tool reply", callers);
        var echoAfterHop = new ContenderResults("1 silo", "echo after a thread-pool hop", callers);
        var echoWithToken = new ContenderResults("1 silo", "echo with the executor's signature (name, input, token)", callers);
        var toolCalls = new Dictionary<BenchmarkCluster, long> { [one] = 0, [two] = 0, [discarding] = 0 };
        using var alone = await ExecutorAlone.StartAsync();

        var steps = new (ContenderResults Results, BenchmarkCluster? ToolCluster, Func<int, TimeSpan, Task<LoadRound>> Run)[]
        {
            (oneEcho, null, (n, d) => EchoRoundAsync(one, n, d)),
            (oneTool, one, (n, d) => ToolRoundAsync(one, n, d)),
            (twoEcho, null, (n, d) => EchoRoundAsync(two, n, d)),
            (twoTool, two, (n, d) => ToolRoundAsync(two, n, d)),
            (discardingEcho, null, (n, d) => EchoRoundAsync(discarding, n, d)),
            (discardingTool, discarding, (n, d) => ToolRoundAsync(discarding, n, d)),
            (executorAlone, null, alone.RunAsync),
            (echoAsReply, null, (n, d) => EchoVariantRoundAsync(one, n, d, async (grain, input) => (await grain.EchoAsReplyAsync(input)).Result.Output)),
            (echoAfterHop, null, (n, d) => EchoVariantRoundAsync(one, n, d, async (grain, input) => await grain.EchoAfterHopAsync(input))),
            (echoWithToken, null, (n, d) => EchoVariantRoundAsync(one, n, d, async (grain, input) => await grain.EchoWithTokenAsync(TrivialTool.Name, input))),
        };

        // Warm-up: JIT, the tool's compilation on every silo, grain activations, connections.
        foreach (var (_, toolCluster, run) in steps)
        {
            var warm = await run(callers, round);
            if (toolCluster is not null)
            {
                toolCalls[toolCluster] += warm.Calls;
            }
        }

        for (var r = 0; r < rounds; r++)
        {
            var order = r % 2 == 0 ? steps : [.. steps.Reverse()];
            foreach (var (results, toolCluster, run) in order)
            {
                var measured = await run(callers, round);
                results.Add(measured);
                if (toolCluster is not null)
                {
                    toolCalls[toolCluster] += measured.Calls;
                }
            }

            Console.WriteLine(Invariant(
                $"round {r + 1}/{rounds}: 1 silo echo {oneEcho.Rounds[r].Throughput:F0}/s tool {oneTool.Rounds[r].Throughput:F0}/s; 2 silos echo {twoEcho.Rounds[r].Throughput:F0}/s tool {twoTool.Rounds[r].Throughput:F0}/s; log discarded echo {discardingEcho.Rounds[r].Throughput:F0}/s tool {discardingTool.Rounds[r].Throughput:F0}/s; executor alone {executorAlone.Rounds[r].Throughput:F0}/s; echo as reply {echoAsReply.Rounds[r].Throughput:F0}/s, after hop {echoAfterHop.Rounds[r].Throughput:F0}/s, with token {echoWithToken.Rounds[r].Throughput:F0}/s"));
        }

        // Latency without queueing: one caller, 1-silo cluster, interleaved.
        var unloadedEcho = new ContenderResults("1 silo", "raw echo grain", 1);
        var unloadedTool = new ContenderResults("1 silo", "tool execution", 1);
        for (var r = 0; r < UnloadedRounds; r++)
        {
            unloadedEcho.Add(await EchoRoundAsync(one, 1, TimeSpan.FromSeconds(1)));
            var unloaded = await ToolRoundAsync(one, 1, TimeSpan.FromSeconds(1));
            unloadedTool.Add(unloaded);
            toolCalls[one] += unloaded.Calls;
        }

        var logs = new List<string>();
        var complete = true;
        foreach (var cluster in (BenchmarkCluster[])[one, two, discarding])
        {
            var perSilo = await cluster.FlushExecutionLogsAsync();
            var rows = await cluster.CountLoggedExecutionsAsync();
            complete &= rows == (cluster.DiscardsExecutionLog ? 0 : toolCalls[cluster]) && perSilo.Sum(s => s.Written) == toolCalls[cluster];
            logs.Add(Invariant(
                $"{cluster.SiloCount} silo(s){(cluster.DiscardsExecutionLog ? ", log discarded" : "")}: {toolCalls[cluster]:N0} tool executions, {rows:N0} rows in tool_executions; accepted per silo {string.Join(" / ", perSilo.Select(s => s.Accepted.ToString("N0", CultureInfo.InvariantCulture)))}, written {perSilo.Sum(s => s.Written):N0}, dropped {perSilo.Sum(s => s.Dropped)}, rejected {perSilo.Sum(s => s.Rejected)}"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"{rounds} interleaved rounds of {seconds} s per contender, {callers} concurrent callers. Throughput: median of the rounds. Latency: over every call of every round. Ratios: median of the per-round ratios (range in brackets)."));
        Console.WriteLine();
        Console.WriteLine("| Cluster | Call | Callers | Throughput (calls/s) | p50 | p99 | Ratio | Limit | Against limit |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(oneEcho, "1.00 (baseline)", "—", "—");
        Row(oneTool, RatioText(Statistics.Ratios(oneTool, oneEcho)) + " of echo", "≥ 0.5", Against(Statistics.Ratios(oneTool, oneEcho), ToolToEchoLimit));
        Row(twoEcho, "1.00 (baseline)", "—", "—");
        Row(twoTool, RatioText(Statistics.Ratios(twoTool, twoEcho)) + " of echo", "≥ 0.5", Against(Statistics.Ratios(twoTool, twoEcho), ToolToEchoLimit));
        var scaling = Statistics.Ratios(twoTool, oneTool);
        Console.WriteLine(Invariant($"| 2 silos / 1 silo | tool execution | {callers} | — | — | — | {RatioText(scaling)} | > 1.0 | {Against(scaling, ScalingLimit)} |"));
        Console.WriteLine(Invariant($"| 2 silos / 1 silo | raw echo grain | {callers} | — | — | — | {RatioText(Statistics.Ratios(twoEcho, oneEcho))} | none (information) | — |"));
        Row(discardingEcho, "1.00 (baseline)", "—", "—");
        Row(discardingTool, RatioText(Statistics.Ratios(discardingTool, discardingEcho)) + " of echo", "none (information)", "—");
        Row(executorAlone, RatioText(Statistics.Ratios(executorAlone, oneEcho)) + " of 1-silo echo", "none (information)", "—");
        Row(echoAsReply, RatioText(Statistics.Ratios(echoAsReply, oneEcho)) + " of 1-silo echo", "none (information)", "—");
        Row(echoAfterHop, RatioText(Statistics.Ratios(echoAfterHop, oneEcho)) + " of 1-silo echo", "none (information)", "—");
        Row(echoWithToken, RatioText(Statistics.Ratios(echoWithToken, oneEcho)) + " of 1-silo echo", "none (information)", "—");
        Row(unloadedEcho, "—", "—", "—");
        Row(unloadedTool, Invariant($"{unloadedTool.LatencyMilliseconds(0.5) / unloadedEcho.LatencyMilliseconds(0.5):F2}× echo p50"), "none (information)", "—");
        Console.WriteLine();
        Console.WriteLine("Where the time goes: the whole process's CPU time and managed allocations per call (client, silos and");
        Console.WriteLine("writers share the process), median of the rounds; on saturated cores, throughput is about cores / CPU per call.");
        Console.WriteLine();
        Console.WriteLine("| Cluster | Call | CPU per call | Cores busy (process) | Cores busy (machine) | Allocated per call | Gen-0 GCs per second | Time paused for GC | Lock contentions per second | Pool threads |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var results in (ContenderResults[])[oneEcho, oneTool, twoEcho, twoTool, discardingEcho, discardingTool, executorAlone, echoAsReply, echoAfterHop, echoWithToken])
        {
            Console.WriteLine(Invariant(
                $"| {results.Cluster} | {results.Call} | {results.MedianCpuMicrosecondsPerCall:F1} µs | {results.MedianUtilization * Environment.ProcessorCount:F2} of {Environment.ProcessorCount} | {results.MedianMachineBusyCores:F2} | {results.MedianAllocatedBytesPerCall:N0} B | {results.MedianGen0PerSecond:F1} | {results.MedianGcPauseShare:P1} | {results.MedianContentionsPerSecond:N0} | {results.MostThreads} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Execution log:");
        foreach (var line in logs)
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(Invariant($"Total time {clock.Elapsed.TotalSeconds:F0} s."));
        if (!complete)
        {
            Console.Error.WriteLine("The execution log does not hold exactly one row per tool execution: the measurement is void.");
            return 1;
        }

        return 0;
    }

    private static Task<LoadRound> ToolRoundAsync(BenchmarkCluster cluster, int callers, TimeSpan duration)
    {
        var client = cluster.Client;
        return LoadRound.RunAsync(callers, duration, async caller =>
        {
            var reply = await client.GetGrain<IToolExecutorGrain>(caller).ExecuteAsync(TrivialTool.Name, TrivialTool.Input);
            if (reply.Status != ToolExecutionStatus.Executed || reply.Result.Outcome != ExecutionOutcome.Success)
            {
                throw new InvalidOperationException($"The tool call failed: {reply.Status} {reply.Result.Outcome} {reply.Result.Error}");
            }
        });
    }

    private static Task<LoadRound> EchoRoundAsync(BenchmarkCluster cluster, int callers, TimeSpan duration) =>
        EchoVariantRoundAsync(cluster, callers, duration, async (grain, input) => await grain.EchoAsync(input));

    private static Task<LoadRound> EchoVariantRoundAsync(
        BenchmarkCluster cluster, int callers, TimeSpan duration, Func<IEchoGrain, string, Task<string?>> echo)
    {
        var client = cluster.Client;
        return LoadRound.RunAsync(callers, duration, async caller =>
        {
            var echoed = await echo(client.GetGrain<IEchoGrain>(caller), TrivialTool.Input);
            if (!string.Equals(echoed, TrivialTool.Input, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The echo grain returned something else.");
            }
        });
    }

    private static void Row(ContenderResults results, string ratio, string limit, string against) =>
        Console.WriteLine(Invariant(
            $"| {results.Cluster} | {results.Call} | {results.Callers} | {results.MedianThroughput:N0} | {results.LatencyMilliseconds(0.5):F3} ms | {results.LatencyMilliseconds(0.99):F3} ms | {ratio} | {limit} | {against} |"));

    private static string RatioText(double[] ratios) =>
        Invariant($"**{Statistics.Median(ratios):F2}** ({ratios.Min():F2}–{ratios.Max():F2})");

    /// <summary>Both goals are lower bounds: at least 0.5× the echo, and more than 1.0× one silo.</summary>
    private static string Against(double[] ratios, double limit)
    {
        var median = Statistics.Median(ratios);
        var met = limit < 1 ? median >= limit : median > limit;
        return Invariant($"**{median / limit:F3} of limit: {(met ? "met" : "not met")}**");
    }

    private static bool TryParse(string[] args, int index, int fallback, out int value)
    {
        if (args.Length <= index)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
