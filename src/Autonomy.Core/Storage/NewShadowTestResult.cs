namespace Autonomy.Core.Storage;

/// <summary>The result of a shadow test: old and new versions on the same inputs.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="OldVersion">The running version.</param>
/// <param name="NewVersion">The candidate.</param>
/// <param name="ImprovementAttemptId">The attempt it tested.</param>
/// <param name="TotalCases">Inputs run.</param>
/// <param name="Agreements">Inputs where the outputs agreed.</param>
/// <param name="Errors">Inputs where either side failed to run.</param>
/// <param name="Passed">Whether it met the agreement threshold.</param>
/// <param name="ComparisonStrategy">How outputs were compared, for example <c>exact</c> or <c>json</c>.</param>
/// <param name="DetailsJson">Disagreements and samples as a JSON document.</param>
public sealed record NewShadowTestResult(
    string ToolName,
    int OldVersion,
    int NewVersion,
    long? ImprovementAttemptId,
    int TotalCases,
    int Agreements,
    int Errors,
    bool Passed,
    string ComparisonStrategy,
    string DetailsJson);
