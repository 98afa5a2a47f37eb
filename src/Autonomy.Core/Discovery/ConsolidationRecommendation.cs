namespace Autonomy.Core.Discovery;

/// <summary>Which of two duplicate tools to keep.</summary>
/// <param name="Keep">The tool to keep.</param>
/// <param name="Retire">The tool whose callers should move to <paramref name="Keep"/>.</param>
/// <param name="Reason">The deciding fact, for a person.</param>
public sealed record ConsolidationRecommendation(string Keep, string Retire, string Reason);
