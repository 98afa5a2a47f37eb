using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>Bounds of the mutation search (section <c>Autonomy:Repair:Mutation</c>).</summary>
public sealed class MutationSearchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Repair:Mutation";

    /// <summary>Default most suspicious lines mutated.</summary>
    public const int DefaultMaxLines = 40;

    /// <summary>Default most suspicious lines that also get statement guards and insertions.</summary>
    public const int DefaultStructuralLines = 8;

    /// <summary>Default most single mutants in one schema.</summary>
    public const int DefaultMaxMutants = 4_000;

    /// <summary>Default most suspicious sites whose mutants are combined in pairs.</summary>
    public const int DefaultPairSites = 6;

    /// <summary>Default most pairs evaluated.</summary>
    public const int DefaultMaxPairs = 5_000;

    /// <summary>Default most plausible mutants yielded to the engine.</summary>
    public const int DefaultMaxPlausible = 16;

    /// <summary>Default most schema builds spent dropping mutants that do not compile.</summary>
    public const int DefaultMaxCompileRounds = 8;

    /// <summary>The most suspicious lines mutated.</summary>
    /// <value>Defaults to <see cref="DefaultMaxLines"/>.</value>
    [Range(1, 10_000)]
    public int MaxLines { get; set; } = DefaultMaxLines;

    /// <summary>The most suspicious lines that also get statement guards and insertions (many mutants per line).</summary>
    /// <value>Defaults to <see cref="DefaultStructuralLines"/>.</value>
    [Range(0, 1_000)]
    public int StructuralLines { get; set; } = DefaultStructuralLines;

    /// <summary>The most single mutants in one schema, most suspicious first.</summary>
    /// <value>Defaults to <see cref="DefaultMaxMutants"/>.</value>
    [Range(1, 100_000)]
    public int MaxMutants { get; set; } = DefaultMaxMutants;

    /// <summary>The most suspicious sites whose mutants are combined in pairs when no single edit is plausible.</summary>
    /// <value>Defaults to <see cref="DefaultPairSites"/>.</value>
    [Range(0, 100)]
    public int PairSites { get; set; } = DefaultPairSites;

    /// <summary>The most pairs evaluated.</summary>
    /// <value>Defaults to <see cref="DefaultMaxPairs"/>.</value>
    [Range(0, 1_000_000)]
    public int MaxPairs { get; set; } = DefaultMaxPairs;

    /// <summary>The most plausible mutants yielded (the engine re-checks each, with the held-back cases).</summary>
    /// <value>Defaults to <see cref="DefaultMaxPlausible"/>.</value>
    [Range(1, 1_000)]
    public int MaxPlausible { get; set; } = DefaultMaxPlausible;

    /// <summary>The most schema builds spent dropping mutants that do not compile.</summary>
    /// <value>Defaults to <see cref="DefaultMaxCompileRounds"/>.</value>
    [Range(1, 50)]
    public int MaxCompileRounds { get; set; } = DefaultMaxCompileRounds;
}
