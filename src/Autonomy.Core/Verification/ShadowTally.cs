namespace Autonomy.Core.Verification;

/// <summary>Counts of shadow pairs per class, and whether the candidate preserves the old version's behaviour.</summary>
/// <remarks>
/// The agreement rate leaves out <see cref="ShadowPairClass.CandidateFixes"/> and <see cref="ShadowPairClass.Noisy"/>:
/// shadowing checks that the candidate keeps the behaviour that worked, so an input the old version failed on has no
/// behaviour to keep (the intended fixes are judged by replaying the failing cases), and a noisy pair says nothing
/// either way. Counting fixes would let a candidate that fixes many inputs hide the ones it breaks.
/// </remarks>
public sealed record ShadowTally(
    int Agree,
    int Disagree,
    int CandidateBreaks,
    int CandidateFixes,
    int BothFailSame,
    int BothFailDifferently,
    int Noisy)
{
    /// <summary>Default least agreement rate that passes.</summary>
    public const double DefaultPassThreshold = 0.95;

    /// <summary>No pairs.</summary>
    public static ShadowTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>All pairs counted.</summary>
    public int Total => Agree + Disagree + CandidateBreaks + CandidateFixes + BothFailSame + BothFailDifferently + Noisy;

    /// <summary>Pairs where the candidate behaves as the old version did: <see cref="Agree"/> and <see cref="BothFailSame"/>.</summary>
    public int Agreeing => Agree + BothFailSame;

    /// <summary>Pairs where the candidate behaves differently: disagreements, breaks and differing failures.</summary>
    public int Mismatching => Disagree + CandidateBreaks + BothFailDifferently;

    /// <summary>The pairs the agreement rate is over: <see cref="Agreeing"/> plus <see cref="Mismatching"/>.</summary>
    public int Judged => Agreeing + Mismatching;

    /// <summary><see cref="Agreeing"/> / <see cref="Judged"/>, or null when no pair was judged.</summary>
    public double? AgreementRate => Judged == 0 ? null : (double)Agreeing / Judged;

    /// <summary>Counts <paramref name="classes"/>.</summary>
    public static ShadowTally Of(IEnumerable<ShadowPairClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return classes.Aggregate(Empty, (tally, c) => tally.Add(c));
    }

    /// <summary>Whether a class counts as agreement.</summary>
    public static bool IsAgreeing(ShadowPairClass pairClass) => pairClass is ShadowPairClass.Agree or ShadowPairClass.BothFailSame;

    /// <summary>Whether a class enters the agreement rate.</summary>
    public static bool IsJudged(ShadowPairClass pairClass) => pairClass is not (ShadowPairClass.CandidateFixes or ShadowPairClass.Noisy);

    /// <summary>This tally with one more pair of class <paramref name="pairClass"/>.</summary>
    public ShadowTally Add(ShadowPairClass pairClass) => pairClass switch
    {
        ShadowPairClass.Agree => this with { Agree = Agree + 1 },
        ShadowPairClass.Disagree => this with { Disagree = Disagree + 1 },
        ShadowPairClass.CandidateBreaks => this with { CandidateBreaks = CandidateBreaks + 1 },
        ShadowPairClass.CandidateFixes => this with { CandidateFixes = CandidateFixes + 1 },
        ShadowPairClass.BothFailSame => this with { BothFailSame = BothFailSame + 1 },
        ShadowPairClass.BothFailDifferently => this with { BothFailDifferently = BothFailDifferently + 1 },
        ShadowPairClass.Noisy => this with { Noisy = Noisy + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(pairClass), pairClass, "Unknown shadow pair class."),
    };

    /// <summary>The count of one class.</summary>
    public int Count(ShadowPairClass pairClass) => pairClass switch
    {
        ShadowPairClass.Agree => Agree,
        ShadowPairClass.Disagree => Disagree,
        ShadowPairClass.CandidateBreaks => CandidateBreaks,
        ShadowPairClass.CandidateFixes => CandidateFixes,
        ShadowPairClass.BothFailSame => BothFailSame,
        ShadowPairClass.BothFailDifferently => BothFailDifferently,
        ShadowPairClass.Noisy => Noisy,
        _ => throw new ArgumentOutOfRangeException(nameof(pairClass), pairClass, "Unknown shadow pair class."),
    };

    /// <summary>Whether at least one pair was judged and the agreement rate reaches <paramref name="threshold"/>.</summary>
    public bool Passes(double threshold = DefaultPassThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        return AgreementRate is { } rate && rate >= threshold;
    }
}
