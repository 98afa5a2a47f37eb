namespace Autonomy.Core.Verification;

/// <summary>One place where two outputs differ.</summary>
/// <param name="Path">The JSON path of the value, such as <c>$.items[2].price</c>; <c>$</c> for the whole output.</param>
/// <param name="Left">The left value's JSON text (shortened when long), or null where the left has no value there.</param>
/// <param name="Right">The right value's JSON text (shortened when long), or null where the right has no value there.</param>
public sealed record OutputDifference(string Path, string? Left, string? Right);
