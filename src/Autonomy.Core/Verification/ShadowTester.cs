using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Verification;

/// <summary>
/// The seed's <c>ShadowTester</c>, offline: the old and the new version run side by side, under the sandbox, on the
/// same recorded and synthetic inputs. The old version runs twice on every input first, and the fields that differ
/// between its two runs are learnt as noise (<see cref="NoiseProfile"/>, as Diffy does) and not held against the
/// candidate. Each pair is classified by <see cref="ShadowPairJudge"/>; the agreement over judged pairs must reach
/// <see cref="VerificationOptions.ShadowAgreementThreshold"/>. Inputs the old version fails on and the candidate
/// answers are the fix itself: they are counted, not held against it (replay judges them by the oracle). Every run
/// is stored in <c>shadow_test_results</c>.
/// </summary>
public sealed class ShadowTester(ToolExecutor executor, ITestResultStore results, VerificationOptions options)
{
    /// <summary>Mismatches listed in the stored details.</summary>
    public const int DetailSamples = 10;

    /// <summary>
    /// The inputs to run side by side: recorded inputs first (those replay would run, successes first: they are
    /// what the candidate must preserve), then the declared examples and the generated inputs; distinct, at most
    /// <see cref="VerificationOptions.ShadowMaximumInputs"/>.
    /// </summary>
    public static IReadOnlyList<string> ChooseInputs(
        IReadOnlyList<RepairCase> recorded, IReadOnlyList<ToolExampleCase> examples, IReadOnlyList<SyntheticInput> generated, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(options);
        return recorded.OrderBy(c => c.IsFailing).Select(c => c.Input)
            .Concat(examples.Select(e => e.Input))
            .Concat(generated.Select(g => g.Json))
            .Distinct(StringComparer.Ordinal)
            .Take(options.ShadowMaximumInputs)
            .ToList();
    }

    /// <summary>The comparison the options configure.</summary>
    public static ComparisonOptions Comparison(VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var strategy = options.Comparison switch
        {
            "exact" => ComparisonStrategy.Exact,
            "json" => ComparisonStrategy.Json,
            _ => ComparisonStrategy.Semantic,
        };
        return new ComparisonOptions
        {
            Strategy = strategy,
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = options.AbsoluteTolerance,
            IgnoredPaths = [.. options.IgnoredFields],
        };
    }

    /// <summary>Runs old and new on <paramref name="inputs"/>, judges every pair, and stores the result.</summary>
    public async Task<StrategyResult> RunAsync(
        string toolName, int baselineVersion, int candidateVersion, CompiledTool baseline, CompiledTool candidate, IReadOnlyList<string> inputs, long? attemptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(inputs);
        var runs = new List<(string Input, ExecutionResult First, ExecutionResult Second, ExecutionResult Candidate)>(inputs.Count);
        foreach (var input in inputs)
        {
            var first = await executor.ExecuteAsync(baseline, input, cancellationToken).ConfigureAwait(false);
            var second = await executor.ExecuteAsync(baseline, input, cancellationToken).ConfigureAwait(false);
            var next = await executor.ExecuteAsync(candidate, input, cancellationToken).ConfigureAwait(false);
            runs.Add((input, first, second, next));
        }

        var comparison = Comparison(options);
        var noise = NoiseProfile.Learn(runs.Where(r => r.First.Outcome == ExecutionOutcome.Success && r.Second.Outcome == ExecutionOutcome.Success)
            .Select(r => (r.First.Output, r.Second.Output)), comparison);
        var judge = new ShadowPairJudge(comparison, noise);
        var tally = ShadowTally.Empty;
        var mismatches = new List<object>();
        foreach (var run in runs)
        {
            var judged = judge.Judge(run.First, run.Candidate);
            tally = tally.Add(judged.Class);
            if (!ShadowTally.IsAgreeing(judged.Class) && ShadowTally.IsJudged(judged.Class) && mismatches.Count < DetailSamples)
            {
                mismatches.Add(new { input = run.Input, @class = judged.Class.ToString(), reason = judged.Reason, differences = judged.Differences.Take(3) });
            }
        }

        var passed = tally.Judged >= options.ShadowMinimumInputs && tally.Passes(options.ShadowAgreementThreshold);
        var details = new
        {
            mode = "offline",
            tally,
            agreementRate = tally.AgreementRate,
            threshold = options.ShadowAgreementThreshold,
            noisyPaths = noise.NoisyPaths,
            wholeOutputNoisy = noise.IsWholeOutputNoisy,
            mismatches,
        };
        var stored = await results.RecordShadowAsync(
            new NewShadowTestResult(
                toolName, baselineVersion, candidateVersion, attemptId, tally.Total, tally.Agreeing, tally.CandidateBreaks + tally.BothFailDifferently, passed,
                comparison.Strategy.ToString().ToLowerInvariant(), JsonSerializer.Serialize(details)),
            cancellationToken).ConfigureAwait(false);
        var rate = tally.AgreementRate is { } r ? (r * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";
        var noiseNote = noise.NoisyPaths.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {noise.NoisyPaths.Count} noisy field(s) ignored") : string.Empty;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"shadow: {tally.Agreeing} of {tally.Judged} agree ({rate}, needs {options.ShadowAgreementThreshold * 100:F0} %), {tally.CandidateBreaks} broken, {tally.CandidateFixes} fixed{noiseNote}");
        return new StrategyResult(TestingStrategy.Shadow, passed, tally.Judged, tally.Agreeing, summary, stored.Id, details);
    }
}
