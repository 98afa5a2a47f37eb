namespace Autonomy.Core.Verification;

/// <summary>A construct in a tool's source whose result may differ between two runs on the same input.</summary>
/// <param name="What">The construct, for example <c>System.Random</c> or <c>context.Now</c>.</param>
/// <param name="Line">Its 1-based line.</param>
public sealed record NondeterminismSource(string What, int Line);
