namespace Autonomy.Core.Analysis;

/// <summary>One feature of one input: a field (JSON path, <c>$</c> for the whole input) and what is true of it.</summary>
/// <param name="Field">The field's path.</param>
/// <param name="Feature">The feature's key (see <see cref="InputFeatureExtractor"/>).</param>
public readonly record struct InputFeature(string Field, string Feature);
