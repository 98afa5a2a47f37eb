using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Repair;

/// <summary>Options of the repair engine (section <c>Autonomy:Repair</c>).</summary>
public sealed class RepairOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Repair";

    /// <summary>Default time budget of one attempt.</summary>
    public const int DefaultMaxSeconds = 120;

    /// <summary>Default most candidates one attempt evaluates, all generators together.</summary>
    public const int DefaultMaxCandidates = 20_000;

    /// <summary>Default wall-clock deadline of one case run under the sandbox during repair.</summary>
    public const int DefaultCaseTimeoutMilliseconds = 1_000;

    /// <summary>Default step budget of one case run: a mutant that loops forever costs this much and no more.</summary>
    public const long DefaultCaseMaxSteps = 2_000_000;

    /// <summary>Default fewest cases before some are held back for validation.</summary>
    public const int DefaultMinimumCasesForValidation = 8;

    /// <summary>Default share of the cases held back for validation when there are enough.</summary>
    public const double DefaultValidationShare = 0.25;

    /// <summary>Default most recorded executions turned into cases.</summary>
    public const int DefaultMaxCases = 200;

    /// <summary>The time budget of one attempt.</summary>
    /// <value>Defaults to <see cref="DefaultMaxSeconds"/>.</value>
    [Range(1, 3_600)]
    public int MaxSeconds { get; set; } = DefaultMaxSeconds;

    /// <summary>The most candidates one attempt evaluates.</summary>
    /// <value>Defaults to <see cref="DefaultMaxCandidates"/>.</value>
    [Range(1, 10_000_000)]
    public int MaxCandidates { get; set; } = DefaultMaxCandidates;

    /// <summary>The deadline of one case run.</summary>
    /// <value>Defaults to <see cref="DefaultCaseTimeoutMilliseconds"/>.</value>
    [Range(10, 60_000)]
    public int CaseTimeoutMilliseconds { get; set; } = DefaultCaseTimeoutMilliseconds;

    /// <summary>The step budget of one case run.</summary>
    /// <value>Defaults to <see cref="DefaultCaseMaxSteps"/>.</value>
    [Range(1_000, 1_000_000_000)]
    public long CaseMaxSteps { get; set; } = DefaultCaseMaxSteps;

    /// <summary>How many cases run at once (0: one per core).</summary>
    /// <value>Defaults to 0.</value>
    [Range(0, 256)]
    public int Parallelism { get; set; }

    /// <summary>The fewest cases before some are held back for validation.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumCasesForValidation"/>.</value>
    [Range(2, 100_000)]
    public int MinimumCasesForValidation { get; set; } = DefaultMinimumCasesForValidation;

    /// <summary>The share of cases held back for validation.</summary>
    /// <value>Defaults to <see cref="DefaultValidationShare"/>.</value>
    [Range(0, 0.9)]
    public double ValidationShare { get; set; } = DefaultValidationShare;

    /// <summary>The most recorded executions turned into cases.</summary>
    /// <value>Defaults to <see cref="DefaultMaxCases"/>.</value>
    [Range(1, 100_000)]
    public int MaxCases { get; set; } = DefaultMaxCases;

    /// <summary>The time budget.</summary>
    public TimeSpan MaxDuration => TimeSpan.FromSeconds(MaxSeconds);

    /// <summary>The cases run at once.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
