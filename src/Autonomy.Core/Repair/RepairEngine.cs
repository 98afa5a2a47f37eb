using System.Globalization;
using Autonomy.Core.Text;

namespace Autonomy.Core.Repair;

/// <summary>
/// Runs a repair attempt: checks the cases against the base version (a case the base does not fail or keep as
/// recorded is nondeterministic and dropped), then asks each generator in turn for candidates and evaluates every
/// one against the given cases, failing cases first. A candidate that passes them all (plausible) must also pass
/// the held-back validation cases; one that does is accepted. The attempt stops at the first generator that
/// produced an accepted candidate, and picks, among its accepted candidates, the one that turns the most failures
/// into real successes, then the smallest edit. No accepted candidate ever changes a previously correct output:
/// those are <see cref="RepairExpectation.Keep"/> cases, in the given and the held-back sets alike.
/// </summary>
public sealed class RepairEngine
{
    /// <summary>Accepted candidates collected from one generator before the search stops.</summary>
    public const int MaxAcceptedPerGenerator = 8;

    private readonly IReadOnlyList<IRepairGenerator> _generators;
    private readonly RepairOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates an engine with generators in the order to try them (cheapest and most targeted first).</summary>
    public RepairEngine(IEnumerable<IRepairGenerator> generators, RepairOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _generators = generators.ToList();
        _options = options;
        _time = time;
    }

    /// <summary>The generators, in order.</summary>
    public IReadOnlyList<IRepairGenerator> Generators => _generators;

    /// <summary>Repairs a problem within the options' budgets.</summary>
    public async Task<RepairResult> RepairAsync(RepairProblem problem, CandidateEvaluator evaluator, IProgress<RepairProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(evaluator);
        var started = _time.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.MaxDuration);

        var (checkedProblem, dropped) = await DropNondeterministicAsync(problem, evaluator, cancellationToken);
        problem = checkedProblem;
        if (!problem.FailingCases.Any())
        {
            return new RepairResult(null, null, null, 0, 0, 0, _time.GetElapsedTime(started), null, [], "nothing to repair: the base version fails none of the cases", dropped);
        }

        var given = problem.FailingCases.Concat(problem.PassingCases).ToList();
        var context = new RepairContext(evaluator, _options, progress);
        var statistics = new List<GeneratorStatistics>();
        int tried = 0, plausible = 0, overfitted = 0;
        TimeSpan? firstPlausible = null;
        var accepted = new List<(RepairCandidate Candidate, CandidateEvaluation Evaluation, int Order)>();

        foreach (var generator in _generators)
        {
            if (budget.IsCancellationRequested || tried >= _options.MaxCandidates)
            {
                break;
            }

            var generatorStarted = _time.GetTimestamp();
            int generatorTried = 0, generatorPlausible = 0;
            try
            {
                await foreach (var candidate in generator.GenerateAsync(problem, context, budget.Token).WithCancellation(budget.Token))
                {
                    tried++;
                    generatorTried++;
                    var evaluation = await evaluator.EvaluateAsync(candidate.Source, given, stopAtFirstFailure: true, budget.Token);
                    if (evaluation.Plausible)
                    {
                        plausible++;
                        generatorPlausible++;
                        firstPlausible ??= _time.GetElapsedTime(started);
                        var full = await evaluator.EvaluateAsync(candidate.Source, [.. given, .. problem.ValidationCases], stopAtFirstFailure: false, budget.Token);
                        if (full.Plausible)
                        {
                            accepted.Add((candidate, full, accepted.Count));
                        }
                        else
                        {
                            overfitted++;
                        }
                    }

                    progress?.Report(new RepairProgress(generator.Name, "evaluating", tried, plausible, _time.GetElapsedTime(started)));
                    if (accepted.Count >= MaxAcceptedPerGenerator || tried >= _options.MaxCandidates)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The attempt's time budget ran out: keep what was found.
            }

            statistics.Add(new GeneratorStatistics(generator.Name, generatorTried, generatorPlausible, _time.GetElapsedTime(generatorStarted)));
            if (accepted.Count > 0)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = _time.GetElapsedTime(started);
        if (accepted.Count == 0)
        {
            var why = overfitted > 0
                ? string.Create(CultureInfo.InvariantCulture, $"no candidate passed the held-back cases ({overfitted} plausible candidates overfitted the given cases; {tried} tried)")
                : string.Create(CultureInfo.InvariantCulture, $"no plausible candidate in {tried} tried");
            return new RepairResult(null, null, null, tried, plausible, overfitted, elapsed, firstPlausible, statistics, why, dropped);
        }

        var best = accepted
            .OrderByDescending(a => a.Evaluation.FixedWithSuccess)
            .ThenBy(a => a.Candidate.EditSize)
            .ThenBy(a => a.Order)
            .First();
        var diff = LineDiff.Unified(problem.Source, best.Candidate.Source, $"{problem.ToolName} v{problem.BaseVersion}", $"{problem.ToolName} candidate");
        var verdict = string.Create(CultureInfo.InvariantCulture, $"fixed by {best.Candidate.Generator}: {best.Candidate.Rationale}");
        return new RepairResult(best.Candidate, best.Evaluation, diff, tried, plausible, overfitted, elapsed, firstPlausible, statistics, verdict, dropped);
    }

    private static async Task<(RepairProblem Problem, List<string> Dropped)> DropNondeterministicAsync(RepairProblem problem, CandidateEvaluator evaluator, CancellationToken cancellationToken)
    {
        var all = problem.Cases.Concat(problem.ValidationCases).ToList();
        var baseline = await evaluator.EvaluateAsync(problem.Source, all, stopAtFirstFailure: false, cancellationToken);
        if (!baseline.Compiled)
        {
            throw new InvalidOperationException("The base version does not compile: " + string.Join("; ", baseline.Diagnostics.Select(d => d.Message)));
        }

        // A failing case the base passes, or a kept output the base no longer gives, is not what the record says.
        var misbehaving = baseline.Results
            .Where(r => r.Case.IsFailing ? r.Passed : !r.Passed)
            .Select(r => r.Case)
            .ToHashSet();
        var dropped = misbehaving
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Expectation} case {Shorten(c.Input)}: the base version {(c.IsFailing ? "passes" : "no longer gives")} it"))
            .ToList();
        return (problem with
        {
            Cases = problem.Cases.Where(c => !misbehaving.Contains(c)).ToList(),
            ValidationCases = problem.ValidationCases.Where(c => !misbehaving.Contains(c)).ToList(),
        }, dropped);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
