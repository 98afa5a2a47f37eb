namespace Autonomy.Core.Analysis;

/// <summary>A dominant error cluster of the investigated version, mapped to the code.</summary>
/// <param name="Pattern">The cluster.</param>
/// <param name="Site">The syntax that throws, or null when the line is unknown or not in the source.</param>
public sealed record ErrorClusterFinding(ErrorPattern Pattern, ThrowSite? Site);
