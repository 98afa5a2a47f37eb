using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Verification;

/// <summary>Options of candidate verification: replay, shadow and synthetic testing (section <c>Autonomy:Verification</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Verification";

    /// <summary>How far back replay reads recorded executions, in days (the seed's 30).</summary>
    [Range(1, 365)]
    public int ReplayWindowDays { get; set; } = 30;

    /// <summary>The fewest distinct recorded inputs for replay to apply (the seed's 10).</summary>
    [Range(1, 10_000)]
    public int MinimumReplays { get; set; } = 10;

    /// <summary>The most inputs replayed (the seed's 50).</summary>
    [Range(1, 10_000)]
    public int MaximumReplays { get; set; } = 50;

    /// <summary>The share of replays that must pass, with zero regressions besides (the seed's 0.9).</summary>
    [Range(0.0, 1.0)]
    public double ReplaySuccessThreshold { get; set; } = 0.9;

    /// <summary>The most recorded executions read to choose replays from.</summary>
    [Range(10, 100_000)]
    public int ReplayReadLimit { get; set; } = 1_000;

    /// <summary>The agreement shadow testing needs (the seed's 0.95).</summary>
    [Range(0.0, 1.0)]
    public double ShadowAgreementThreshold { get; set; } = 0.95;

    /// <summary>The fewest inputs shadow testing needs to apply.</summary>
    [Range(1, 10_000)]
    public int ShadowMinimumInputs { get; set; } = 5;

    /// <summary>The most inputs one offline shadow test runs.</summary>
    [Range(1, 10_000)]
    public int ShadowMaximumInputs { get; set; } = 60;

    /// <summary>How outputs are compared: <c>exact</c>, <c>json</c> or <c>semantic</c>.</summary>
    [RegularExpression("^(exact|json|semantic)$")]
    public string Comparison { get; set; } = "semantic";

    /// <summary>The relative tolerance of the semantic comparison for numbers.</summary>
    [Range(0.0, 1.0)]
    public double RelativeTolerance { get; set; } = 1e-9;

    /// <summary>The absolute tolerance of the semantic comparison for numbers.</summary>
    [Range(0.0, 1e9)]
    public double AbsoluteTolerance { get; set; } = 1e-9;

    /// <summary>Output fields the semantic comparison ignores, as JSON paths such as <c>$.generatedAt</c> or <c>$.items[*].id</c>.</summary>
    public IList<string> IgnoredFields { get; } = [];

    /// <summary>The most generated inputs of synthetic testing (the declared examples come on top).</summary>
    [Range(0, 1_000)]
    public int SyntheticMaximumInputs { get; set; } = 40;

    /// <summary>The share of real calls a candidate in live shadow also runs.</summary>
    [Range(0.0, 1.0)]
    public double LiveShadowSampleRate { get; set; } = 0.25;

    /// <summary>The compared calls after which a live shadow is judged; 0 turns live shadow off.</summary>
    [Range(0, 100_000)]
    public int LiveShadowExecutions { get; set; }

    /// <summary>How long a live shadow may wait for its calls before it is judged on what it has, in minutes.</summary>
    [Range(1, 10_080)]
    public int LiveShadowMaxMinutes { get; set; } = 60;

    /// <summary>The replay window.</summary>
    public TimeSpan ReplayWindow => TimeSpan.FromDays(ReplayWindowDays);
}
