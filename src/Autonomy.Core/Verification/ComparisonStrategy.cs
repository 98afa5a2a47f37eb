namespace Autonomy.Core.Verification;

/// <summary>How <see cref="OutputComparer"/> decides whether two outputs are the same.</summary>
public enum ComparisonStrategy
{
    /// <summary>Ordinal string equality of the output texts.</summary>
    Exact = 0,

    /// <summary>
    /// JSON equivalence: object key order and whitespace do not matter, numbers are equal by value (<c>1</c>,
    /// <c>1.0</c> and <c>1e0</c>), arrays are ordered, and <see cref="ComparisonOptions.IgnoredPaths"/> are
    /// skipped. Outputs that are not JSON fall back to <see cref="Exact"/>.
    /// </summary>
    Json = 1,

    /// <summary>
    /// <see cref="Json"/> plus a float tolerance (<see cref="ComparisonOptions.RelativeTolerance"/>,
    /// <see cref="ComparisonOptions.AbsoluteTolerance"/>) and, when asked, arrays compared as multisets
    /// (<see cref="ComparisonOptions.UnorderedArrays"/>).
    /// </summary>
    Semantic = 2,
}
