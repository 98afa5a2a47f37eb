using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Tests.Support;
using Autonomy.Tools.Sandbox;

namespace Autonomy.Core.Tests.Sandbox;

/// <summary>Tools that try to hang or kill the host are stopped with the right outcome, and the process lives on.</summary>
public sealed class RunawayToolTests
{
    private static readonly SandboxLimits s_limits = new(MaxSteps: 5_000_000, MaxStackBytes: 256 * 1024, MaxAllocatedBytes: 64L * 1024 * 1024, Timeout: TimeSpan.FromSeconds(3));

    private static async Task<ExecutionResult> RunAsync(string body, string members = "", string input = "{}", SandboxLimits? limits = null)
    {
        var tool = await CompiledTools.CompileAsync(ToolSource.With(body, members));
        return await new ToolExecutor().ExecuteAsync(tool, input, limits ?? s_limits);
    }

    [Fact]
    public async Task Execute_InfiniteWhileLoop_StopsOnStepBudget()
    {
        var result = await RunAsync("while (true) { }");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Steps, result.Budget);
        Assert.True(result.Steps >= s_limits.MaxSteps - SandboxMeter.CheckInterval, $"steps used: {result.Steps}");
    }

    [Fact]
    public async Task Execute_InfiniteGotoLoop_StopsOnStepBudget()
    {
        var result = await RunAsync("again: if (input is not null) { goto again; } return null;");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Steps, result.Budget);
    }

    [Fact]
    public async Task Execute_LoopPastDeadline_TimesOut()
    {
        var limits = s_limits with { MaxSteps = long.MaxValue, Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await RunAsync("long i = 0; for (;;) { i++; }", limits: limits);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
        Assert.Contains("deadline", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DirectRecursion_StopsOnCallDepth()
    {
        var result = await RunAsync("return Down(0);", "static int Down(int n) => Down(n + 1) + 1;");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.CallDepth, result.Budget);
    }

    [Fact]
    public async Task Execute_MutualRecursion_StopsOnCallDepth()
    {
        var result = await RunAsync("return Ping(0);", "static int Ping(int n) => Pong(n) + 1; static int Pong(int n) { return Ping(n) + 1; }");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.CallDepth, result.Budget);
    }

    [Fact]
    public async Task Execute_RecursionThroughLambda_StopsOnCallDepth()
    {
        var result = await RunAsync("Func<int, int>? f = null; f = n => f!(n + 1) + 1; return f(0);");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.CallDepth, result.Budget);
    }

    [Fact]
    public async Task Execute_RecursionThroughLocalFunctionAndProperty_StopsOnCallDepth()
    {
        var result = await RunAsync("int Local(int n) => Deep + Local(n + 1); return Local(0);", "int Deep => Local2(); int Local2() => 1;");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.CallDepth, result.Budget);
    }

    [Fact]
    public async Task Execute_HugeArray_IsRefusedBeforeAllocating()
    {
        var result = await RunAsync("var a = new int[int.MaxValue]; return a.Length;");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Memory, result.Budget);
        Assert.True(result.AllocatedBytes < s_limits.MaxAllocatedBytes, $"allocated {result.AllocatedBytes}");
    }

    [Fact]
    public async Task Execute_HugeListCapacity_IsRefusedBeforeAllocating()
    {
        var result = await RunAsync("var list = new List<long>(int.MaxValue / 2); return list.Count;");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Memory, result.Budget);
    }

    [Fact]
    public async Task Execute_AllocationLoop_StopsOnMemoryBudget()
    {
        var result = await RunAsync("var keep = new List<byte[]>(); while (true) { keep.Add(new byte[100_000]); }");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Memory, result.Budget);
    }

    [Fact]
    public async Task Execute_CatastrophicRegex_TimesOut()
    {
        var limits = s_limits with { Timeout = TimeSpan.FromMilliseconds(500) };

        var result = await RunAsync(
            "return System.Text.RegularExpressions.Regex.IsMatch(new string('a', 40) + \"!\", \"^(a+)+$\");",
            limits: limits);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
        Assert.True(result.Duration < TimeSpan.FromSeconds(3), $"took {result.Duration}");
    }

    [Fact]
    public async Task Execute_CatastrophicRegexInstanceWithLongTimeout_IsBoundedByDeadline()
    {
        var limits = s_limits with { Timeout = TimeSpan.FromMilliseconds(500) };

        var result = await RunAsync(
            "var r = new System.Text.RegularExpressions.Regex(\"^(a+)+$\", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromHours(1)); return r.IsMatch(new string('a', 40) + \"!\");",
            limits: limits);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
    }

    [Fact]
    public async Task Execute_ToolCatchingSandboxExceptionsAndLoopingOn_IsStillStopped()
    {
        var result = await RunAsync("""
            int rounds = 0;
            while (true)
            {
                try { while (true) { rounds++; } }
                catch (Exception) { context.Log.Info("caught, carrying on"); }
                try { return Deep(0); } catch { }
            }
            """, "static int Deep(int n) { try { return Deep(n + 1); } catch { return Deep(n + 1); } }");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Steps, result.Budget);
    }

    [Fact]
    public async Task Execute_ToolCatchingSandboxExceptionAndReturning_IsReportedOverBudget()
    {
        var result = await RunAsync("try { while (true) { } } catch { } return \"I finished fine\";");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task Execute_AwaitNeverCompleting_TimesOutAndHostMovesOn()
    {
        var limits = s_limits with { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = await RunAsync("await new TaskCompletionSource<int>().Task; return 1;", limits: limits);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
    }

    [Fact]
    public async Task Execute_DelayHonouringToken_TimesOutAtDeadline()
    {
        var limits = s_limits with { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = await RunAsync("await Task.Delay(TimeSpan.FromMinutes(5), context.Cancellation); return 1;", limits: limits);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
        Assert.True(result.Duration < TimeSpan.FromSeconds(2), $"took {result.Duration}");
    }

    [Fact]
    public async Task Execute_LoopAfterAwait_IsStillMetered()
    {
        var result = await RunAsync("await Task.Yield(); await Task.Delay(1, context.Cancellation); while (true) { }");

        Assert.Equal(ExecutionOutcome.BudgetExceeded, result.Outcome);
        Assert.Equal(ExceededBudget.Steps, result.Budget);
    }

    [Fact]
    public async Task Execute_ManyRunawaysInARow_HostSurvivesAndStillServes()
    {
        var runaway = await CompiledTools.CompileAsync(ToolSource.With("return Down(0);", "static int Down(int n) => Down(n + 1) + 1;"));
        var healthy = await CompiledTools.CompileAsync(ToolSource.With("return input![\"x\"]!.GetValue<int>() * 2;"));
        var executor = new ToolExecutor();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => executor.ExecuteAsync(runaway, "{}", s_limits)));
        var after = await executor.ExecuteAsync(healthy, """{"x": 21}""", s_limits);

        Assert.All(results, r => Assert.Equal(ExceededBudget.CallDepth, r.Budget));
        Assert.Equal(ExecutionOutcome.Success, after.Outcome);
        Assert.Equal("42", after.Output);
    }

    [Fact]
    public async Task Execute_ConcurrentRecursiveTools_EachMeterCountsOnlyItsOwnSteps()
    {
        // Every execution finds its segment by its own stack address; cross-talk between threads would move steps
        // from one meter to another, or trip the small budget of the wrong execution.
        var tool = await CompiledTools.CompileAsync(ToolSource.With(
            "var total = 0L; for (var i = 0; i < 50; i++) { total += Fib(15); } return total;",
            "static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);"));
        var executor = new ToolExecutor();
        var small = s_limits with { MaxSteps = 20_000 };

        var runs = Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => executor.ExecuteAsync(tool, "{}", i % 4 == 0 ? small : s_limits)))
            .ToArray();
        var results = await Task.WhenAll(runs);

        for (var i = 0; i < results.Length; i++)
        {
            if (i % 4 == 0)
            {
                Assert.Equal(ExecutionOutcome.BudgetExceeded, results[i].Outcome);
                Assert.Equal(ExceededBudget.Steps, results[i].Budget);
            }
            else
            {
                Assert.Equal(ExecutionOutcome.Success, results[i].Outcome);
                Assert.Equal("30500", results[i].Output);
            }
        }

        // 50 × 1,973 calls of Fib, 50 loop steps and the entries: the same count for every run, within one settlement.
        var steps = results.Where((_, i) => i % 4 != 0).Select(r => r.Steps).ToList();
        Assert.All(steps, s => Assert.InRange(s, 50 * 1973, 50 * 1973 + 50 + 2 * SandboxMeter.SegmentInterval));
    }
}
