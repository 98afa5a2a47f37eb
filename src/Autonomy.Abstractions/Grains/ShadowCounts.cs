namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Live-shadow comparisons of the active version and a candidate on the same real calls, by class: the outputs
/// agree; both succeed with different outputs; the active succeeds and the candidate fails (it breaks); the active
/// fails and the candidate succeeds (it fixes); both fail the same way (agreement); both fail differently; the pair
/// cannot be judged because the active version itself answered differently on a second run (noise).
/// </summary>
[GenerateSerializer, Immutable, Alias("autonomy.shadow-counts")]
public sealed record ShadowCounts(
    [property: Id(0)] int Agreements,
    [property: Id(1)] int Disagreements,
    [property: Id(2)] int CandidateBreaks,
    [property: Id(3)] int CandidateFixes,
    [property: Id(4)] int BothFailDifferently,
    [property: Id(5)] int Noisy)
{
    /// <summary>No comparisons.</summary>
    public static ShadowCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Pairs that count toward agreement: everything but fixes and noise.</summary>
    public int Judged => Agreements + Disagreements + CandidateBreaks + BothFailDifferently;

    /// <summary>Every comparison.</summary>
    public int Total => Judged + CandidateFixes + Noisy;

    /// <summary>Agreements over judged pairs; null with none.</summary>
    public double? AgreementRate => Judged == 0 ? null : (double)Agreements / Judged;

    /// <summary>The sum of two tallies.</summary>
    public ShadowCounts Add(ShadowCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Agreements + other.Agreements,
            Disagreements + other.Disagreements,
            CandidateBreaks + other.CandidateBreaks,
            CandidateFixes + other.CandidateFixes,
            BothFailDifferently + other.BothFailDifferently,
            Noisy + other.Noisy);
    }
}
