using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Mutation;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Repair.MutationSupport;

/// <summary>Builds repair problems from a scenario's reference outputs and runs the engine with the mutation generator alone.</summary>
internal static class MutationFixtures
{
    /// <summary>Budgets small enough that a mutant looping forever costs about a millisecond.</summary>
    public static RepairOptions Options() => new() { MaxSeconds = 60, CaseMaxSteps = 100_000, CaseTimeoutMilliseconds = 2_000, Parallelism = 2 };

    /// <summary>
    /// The cases as the case builder would make them: an input the defective tool answers like the reference is a
    /// recorded success to keep; one it answers differently was reported wrong with the reference's output.
    /// </summary>
    public static async Task<RepairProblem> ProblemAsync(MutationScenario scenario)
    {
        var given = await CasesAsync(scenario, scenario.Given);
        var heldBack = await CasesAsync(scenario, scenario.HeldBack);
        Assert.Contains(given, c => c.IsFailing);
        Assert.Contains(given, c => !c.IsFailing);
        return new RepairProblem("defect_tool", 1, scenario.Defective, null, given, heldBack);
    }

    public static async Task<(RepairResult Result, MutationSearchStatistics Statistics, List<RepairProgress> Progress)> RepairAsync(RepairProblem problem)
    {
        var options = Options();
        using var evaluator = new CandidateEvaluator(new ToolCompiler(), new ToolExecutor(), options);
        var generator = new MutationSearchGenerator();
        var progress = new List<RepairProgress>();
        var result = await new RepairEngine([generator], options, TimeProvider.System)
            .RepairAsync(problem, evaluator, new SynchronousProgress(progress));
        return (result, generator.LastStatistics!, progress);
    }

    /// <summary>The inputs on which <paramref name="source"/> gives another output than the reference.</summary>
    public static async Task<List<string>> DisagreementsAsync(string reference, string source, IEnumerable<string> inputs)
    {
        var expected = await CompiledTools.CompileAsync(reference);
        var actual = await CompiledTools.CompileAsync(source);
        var executor = new ToolExecutor();
        var wrong = new List<string>();
        foreach (var input in inputs)
        {
            var want = await executor.ExecuteAsync(expected, input);
            var got = await executor.ExecuteAsync(actual, input);
            if (got.Outcome != want.Outcome || !ExampleRunner.JsonEquals(want.Output, got.Output))
            {
                wrong.Add(input);
            }
        }

        return wrong;
    }

    private static async Task<List<RepairCase>> CasesAsync(MutationScenario scenario, IEnumerable<string> inputs)
    {
        var reference = await CompiledTools.CompileAsync(scenario.Reference);
        var defective = await CompiledTools.CompileAsync(scenario.Defective);
        var executor = new ToolExecutor();
        var cases = new List<RepairCase>();
        foreach (var input in inputs)
        {
            var want = await executor.ExecuteAsync(reference, input);
            var got = await executor.ExecuteAsync(defective, input);
            Assert.Equal(ExecutionOutcome.Success, want.Outcome);
            Assert.Equal(ExecutionOutcome.Success, got.Outcome);
            cases.Add(ExampleRunner.JsonEquals(want.Output, got.Output)
                ? new RepairCase(input, RepairExpectation.Keep, got.Output, "execution")
                : new RepairCase(input, RepairExpectation.Match, want.Output, "feedback"));
        }

        return cases;
    }

    /// <summary>Records progress on the reporting thread (<see cref="Progress{T}"/> would post it later).</summary>
    private sealed class SynchronousProgress(List<RepairProgress> sink) : IProgress<RepairProgress>
    {
        public void Report(RepairProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
