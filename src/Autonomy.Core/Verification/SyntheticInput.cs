namespace Autonomy.Core.Verification;

/// <summary>An input made up from a tool's input schema.</summary>
/// <param name="Json">The input document, compact JSON.</param>
/// <param name="Description">What it probes, such as <c>window = 0 (below minimum)</c>.</param>
/// <param name="Kind">Why it was made.</param>
public sealed record SyntheticInput(string Json, string Description, SyntheticInputKind Kind);
