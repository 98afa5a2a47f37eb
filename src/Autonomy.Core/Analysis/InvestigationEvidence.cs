namespace Autonomy.Core.Analysis;

/// <summary>Everything an investigation found, before it concludes.</summary>
/// <param name="Version">The version investigated, or null.</param>
/// <param name="Statistics">That version's numbers (all versions when null).</param>
/// <param name="Analysis">The tool's analysis.</param>
/// <param name="Clusters">The version's dominant error clusters with their throw sites.</param>
/// <param name="Features">Input features that go with failure, strongest first.</param>
/// <param name="Onset">The onset, or null.</param>
/// <param name="CallerFaults">The callers' share.</param>
/// <param name="PreviousVersion">The version live before the investigated one, with its numbers, or null.</param>
public sealed record InvestigationEvidence(
    int? Version,
    VersionStatistics Statistics,
    ToolAnalysis Analysis,
    IReadOnlyList<ErrorClusterFinding> Clusters,
    IReadOnlyList<InputFeatureFinding> Features,
    FailureOnset? Onset,
    CallerFaultSummary CallerFaults,
    VersionStatistics? PreviousVersion);
