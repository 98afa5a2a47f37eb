namespace Autonomy.Core.Verification;

/// <summary>How <see cref="OutputComparer"/> compares two outputs. Derive variants with <c>with</c>.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Default relative float tolerance of <see cref="ComparisonStrategy.Semantic"/>.</summary>
    public const double DefaultRelativeTolerance = 1e-9;

    /// <summary>Default absolute float tolerance of <see cref="ComparisonStrategy.Semantic"/>.</summary>
    public const double DefaultAbsoluteTolerance = 1e-9;

    /// <summary>Default most differences a result lists.</summary>
    public const int DefaultMaxDifferences = 10;

    /// <summary>Ordinal equality of the texts.</summary>
    public static ComparisonOptions Exact { get; } = new() { Strategy = ComparisonStrategy.Exact };

    /// <summary>JSON equivalence with no tolerance and no ignored paths.</summary>
    public static ComparisonOptions Json { get; } = new() { Strategy = ComparisonStrategy.Json };

    /// <summary>JSON equivalence with the default float tolerances.</summary>
    public static ComparisonOptions Semantic { get; } = new() { Strategy = ComparisonStrategy.Semantic };

    /// <summary>The strategy.</summary>
    /// <value>Defaults to <see cref="ComparisonStrategy.Json"/>.</value>
    public ComparisonStrategy Strategy { get; init; } = ComparisonStrategy.Json;

    /// <summary>
    /// Under <see cref="ComparisonStrategy.Semantic"/>, two numbers are equal when they differ by at most this share of
    /// the larger magnitude (or by at most <see cref="AbsoluteTolerance"/>).
    /// </summary>
    /// <value>Defaults to <see cref="DefaultRelativeTolerance"/>.</value>
    public double RelativeTolerance { get; init; } = DefaultRelativeTolerance;

    /// <summary>Under <see cref="ComparisonStrategy.Semantic"/>, two numbers this close are equal whatever their size.</summary>
    /// <value>Defaults to <see cref="DefaultAbsoluteTolerance"/>.</value>
    public double AbsoluteTolerance { get; init; } = DefaultAbsoluteTolerance;

    /// <summary>
    /// JSON paths whose values are not compared, under <see cref="ComparisonStrategy.Json"/> and
    /// <see cref="ComparisonStrategy.Semantic"/>: <c>$</c>, then <c>.name</c>, <c>['name']</c>, <c>.*</c> (any property),
    /// <c>[n]</c> and <c>[*]</c> (any element), for example <c>$.generatedAt</c> or <c>$.items[*].id</c>.
    /// A path ignores the value there whether it is present on one side, both or neither.
    /// </summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyList<string> IgnoredPaths { get; init; } = [];

    /// <summary>Under <see cref="ComparisonStrategy.Semantic"/>, compare arrays as multisets: element order does not matter.</summary>
    /// <value>Defaults to false.</value>
    public bool UnorderedArrays { get; init; }

    /// <summary>The most differences a result lists; comparison stops after one more is found.</summary>
    /// <value>Defaults to <see cref="DefaultMaxDifferences"/>.</value>
    public int MaxDifferences { get; init; } = DefaultMaxDifferences;

    /// <summary>These options with <paramref name="paths"/> added to <see cref="IgnoredPaths"/> (each once).</summary>
    public ComparisonOptions WithIgnoredPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var merged = IgnoredPaths.Concat(paths).Distinct(StringComparer.Ordinal).ToArray();
        return merged.Length == IgnoredPaths.Count ? this : this with { IgnoredPaths = merged };
    }
}
