using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Verification;

/// <summary>
/// Classifies one shadow pair: the old version's and the candidate's results for the same input. Success outputs
/// compare under the options with the noise profile's paths ignored. Instances are immutable and thread-safe.
/// </summary>
/// <remarks>
/// A failure is any outcome that counts against the tool (<see cref="ExecutionResult.CountsAsToolFailure"/>).
/// <see cref="ExecutionOutcome.InvalidInput"/> is not a failure but is not a success either: both rejecting an input
/// agree; the candidate rejecting what the old version served breaks it; the candidate serving what the old version
/// rejected disagrees (the contract changed); the candidate rejecting what made the old version fail fixes it.
/// </remarks>
public sealed class ShadowPairJudge
{
    private readonly OutputComparer _comparer;

    /// <summary>Creates a judge.</summary>
    /// <param name="options">How outputs compare; <see cref="ComparisonOptions.Semantic"/> when null, so float jitter from reordered arithmetic is not a mismatch.</param>
    /// <param name="noise">The old version's learned noise; <see cref="NoiseProfile.None"/> when null.</param>
    public ShadowPairJudge(ComparisonOptions? options = null, NoiseProfile? noise = null)
    {
        Noise = noise ?? NoiseProfile.None;
        _comparer = new OutputComparer(Noise.Apply(options ?? ComparisonOptions.Semantic));
    }

    /// <summary>The comparison options applied, noisy paths included.</summary>
    public ComparisonOptions Options => _comparer.Options;

    /// <summary>The noise profile applied.</summary>
    public NoiseProfile Noise { get; }

    /// <summary>Classifies the pair.</summary>
    public ShadowJudgement Judge(ExecutionResult old, ExecutionResult candidate)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(candidate);
        var reason = $"old {Describe(old)}, candidate {Describe(candidate)}";
        if (old.CountsAsToolFailure)
        {
            if (!candidate.CountsAsToolFailure)
            {
                return new ShadowJudgement(ShadowPairClass.CandidateFixes, reason, []);
            }

            var same = old.Outcome == candidate.Outcome
                && string.Equals(old.Error?.ExceptionType, candidate.Error?.ExceptionType, StringComparison.Ordinal)
                && old.Budget == candidate.Budget;
            return new ShadowJudgement(same ? ShadowPairClass.BothFailSame : ShadowPairClass.BothFailDifferently, reason, []);
        }

        if (candidate.CountsAsToolFailure)
        {
            return new ShadowJudgement(ShadowPairClass.CandidateBreaks, reason, []);
        }

        return (old.Outcome, candidate.Outcome) switch
        {
            (ExecutionOutcome.InvalidInput, ExecutionOutcome.InvalidInput) => new ShadowJudgement(ShadowPairClass.Agree, reason, []),
            (ExecutionOutcome.Success, ExecutionOutcome.InvalidInput) => new ShadowJudgement(ShadowPairClass.CandidateBreaks, reason, []),
            (ExecutionOutcome.InvalidInput, _) => new ShadowJudgement(ShadowPairClass.Disagree, reason, []),
            _ => JudgeOutputs(old.Output, candidate.Output, reason),
        };
    }

    private ShadowJudgement JudgeOutputs(string? old, string? candidate, string reason)
    {
        if (Noise.IsWholeOutputNoisy)
        {
            // Identical outputs still agree; any difference may be the noise the old version shows against itself.
            return _comparer.AreEqual(old, candidate)
                ? new ShadowJudgement(ShadowPairClass.Agree, reason, [])
                : new ShadowJudgement(ShadowPairClass.Noisy, reason + ", output is noise as a whole", []);
        }

        var comparison = _comparer.Compare(old, candidate);
        return comparison.Equal
            ? new ShadowJudgement(ShadowPairClass.Agree, reason, [])
            : new ShadowJudgement(ShadowPairClass.Disagree, reason + ", outputs differ", comparison.Differences);
    }

    private static string Describe(ExecutionResult result) => result switch
    {
        { Error: { } error } => $"{result.Outcome} {error.ExceptionType}",
        { Budget: not ExceededBudget.None } => $"{result.Outcome} {result.Budget}",
        _ => result.Outcome.ToString(),
    };
}
