using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Mutation;
using Autonomy.RepairBenchmark.Corpus;

namespace Autonomy.RepairBenchmark.Running;

/// <summary>
/// Repairs one defect as the product would (given cases split into searched and held-back sets by the case builder,
/// the engine with the generators in order), then judges the accepted patch against the reference on every given
/// and hidden input.
/// </summary>
public sealed class DefectRunner
{
    private readonly RepairOptions _options;
    private readonly ToolExecutor _executor;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner.</summary>
    public DefectRunner(RepairOptions options, ToolExecutor executor, TimeProvider time)
    {
        _options = options;
        _executor = executor;
        _time = time;
    }

    /// <summary>Repairs <paramref name="defect"/> with <paramref name="generators"/>, fresh for this defect (their statistics are read after the attempt).</summary>
    public async Task<DefectOutcome> RunAsync(PreparedDefect defect, IReadOnlyList<IRepairGenerator> generators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defect);
        var (cases, validation) = RepairCaseBuilder.Split(defect.Cases, _options);
        var problem = new RepairProblem(defect.Manifest.Id, 1, defect.DefectiveSource, null, cases, validation);
        using var evaluator = new CandidateEvaluator(new ToolCompiler(), _executor, _options);
        var engine = new RepairEngine(generators, _options, _time);
        var progress = new MaxProgress();
        var result = await engine.RepairAsync(problem, evaluator, progress, cancellationToken);
        var tried = CountCandidates(result, generators, progress);
        if (result.Accepted is not { } accepted)
        {
            return new DefectOutcome(defect.Manifest.Id, defect.Manifest.Class, false, false, 0, 0, 0, defect.Hidden.Count, result.Elapsed,
                result.TimeToFirstPlausible, tried, null, result.Verdict, null);
        }

        var observations = defect.Given.Concat(defect.Hidden).ToList();
        var runner = new SourceRunner(evaluator.Compiler, _executor, evaluator.Limits);
        var (errors, patched) = await runner.RunAsync(accepted.Source, observations.Select(o => o.Input).ToList(), cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{defect.Manifest.Id}: the accepted patch does not compile: {string.Join("; ", errors)}");
        }

        var same = observations.Select((o, i) => Observation.SameBehaviour(o.Reference, patched[i])).ToList();
        var givenRegressions = defect.Given.Where((o, i) => o.DefectiveIsCorrect && !same[i]).Count();
        var hiddenRegressions = defect.Hidden.Where((o, i) => o.DefectiveIsCorrect && !same[defect.Given.Count + i]).Count();
        var hiddenPassed = same.Skip(defect.Given.Count).Count(s => s);
        return new DefectOutcome(
            defect.Manifest.Id,
            defect.Manifest.Class,
            true,
            same.All(s => s),
            givenRegressions,
            hiddenRegressions,
            hiddenPassed,
            defect.Hidden.Count,
            result.Elapsed,
            result.TimeToFirstPlausible,
            tried,
            accepted.Generator,
            result.Verdict,
            result.Diff);
    }

    // The mutation search runs its mutants inside schema assemblies and yields only what passed its own checks, so
    // the engine's count sees a handful; the search's statistics count every mutant it ran.
    private static int CountCandidates(RepairResult result, IReadOnlyList<IRepairGenerator> generators, MaxProgress progress)
    {
        var mutation = generators.OfType<MutationSearchGenerator>().FirstOrDefault();
        var searched = result.Generators.Any(g => g.Generator == mutation?.Name) ? mutation?.LastStatistics : null;
        if (searched is null)
        {
            return Math.Max(result.CandidatesTried, progress.Candidates);
        }

        var others = result.Generators.Where(g => g.Generator != mutation!.Name).Sum(g => g.CandidatesTried);
        return others + searched.SinglesEvaluated + searched.PairsEvaluated;
    }
}
