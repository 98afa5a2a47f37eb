using System.Globalization;
using System.Text.Json;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Verification;

/// <summary>
/// The seed's <c>ReplayTester</c>: runs the candidate on recorded inputs (<see cref="ReplaySelection"/>) and judges
/// it by the oracle of DESIGN.md section 4 with <see cref="CandidateEvaluator.Judge"/>. A recorded success nobody
/// reported wrong that now gives another output, or fails, is a regression; a recorded failure that now succeeds
/// (or is refused as invalid input, a clear answer instead of a crash), or an output reported wrong that now matches
/// the expected one, is an improvement. It passes at <see cref="VerificationOptions.ReplaySuccessThreshold"/> with
/// zero regressions, and every run is stored in <c>replay_test_results</c>.
/// </summary>
public sealed class ReplayTester(ToolExecutor executor, ITestResultStore results, VerificationOptions options)
{
    /// <summary>Cases listed in the stored details, per kind.</summary>
    public const int DetailSamples = 10;

    /// <summary>Replays <paramref name="cases"/> on the candidate and stores the result.</summary>
    public async Task<StrategyResult> RunAsync(
        string toolName, int baselineVersion, int candidateVersion, CompiledTool candidate, IReadOnlyList<RepairCase> cases, long? attemptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(cases);
        var judged = new List<CaseResult>(cases.Count);
        foreach (var replay in cases)
        {
            var result = await executor.ExecuteAsync(candidate, replay.Input, cancellationToken).ConfigureAwait(false);
            judged.Add(CandidateEvaluator.Judge(replay, result));
        }

        var passed = judged.Count(j => j.Passed);
        var regressions = judged.Where(j => !j.Passed && j.Case.Expectation == RepairExpectation.Keep).ToList();
        var improvements = judged.Count(j => j.Passed && j.Case.IsFailing);
        var stillFailing = judged.Where(j => !j.Passed && j.Case.IsFailing).ToList();
        var rate = judged.Count == 0 ? 0 : (double)passed / judged.Count;
        var ok = judged.Count > 0 && rate >= options.ReplaySuccessThreshold && regressions.Count == 0;
        var details = new
        {
            successRate = Math.Round(rate, 4),
            threshold = options.ReplaySuccessThreshold,
            previouslyFailing = judged.Count(j => j.Case.IsFailing),
            regressions = regressions.Take(DetailSamples).Select(Sample),
            stillFailing = stillFailing.Take(DetailSamples).Select(Sample),
        };
        var stored = await results.RecordReplayAsync(
            new NewReplayTestResult(toolName, baselineVersion, candidateVersion, attemptId, judged.Count, passed, regressions.Count, improvements, ok, JsonSerializer.Serialize(details)),
            cancellationToken).ConfigureAwait(false);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"replay: {passed} of {judged.Count} pass ({rate * 100:F1} %, needs {options.ReplaySuccessThreshold * 100:F0} %), {regressions.Count} regression(s), {improvements} fixed");
        return new StrategyResult(TestingStrategy.Replay, ok, judged.Count, passed, summary, stored.Id, details);
    }

    private static object Sample(CaseResult result) => new
    {
        input = result.Case.Input,
        expectation = result.Case.Expectation.ToString(),
        expected = result.Case.ExpectedOutput,
        outcome = result.Outcome.ToString(),
        output = result.Output,
        message = result.Message,
    };
}
