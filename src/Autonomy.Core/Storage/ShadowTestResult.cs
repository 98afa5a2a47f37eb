namespace Autonomy.Core.Storage;

/// <summary>A stored shadow test result.</summary>
/// <param name="Id">The result's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="OldVersion">The running version.</param>
/// <param name="NewVersion">The candidate.</param>
/// <param name="ImprovementAttemptId">The attempt it tested.</param>
/// <param name="TotalCases">Inputs run.</param>
/// <param name="Agreements">Agreeing inputs.</param>
/// <param name="Errors">Failed inputs.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="ComparisonStrategy">The comparison.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="TestedAt">When it was recorded.</param>
public sealed record ShadowTestResult(
    long Id,
    string ToolName,
    int OldVersion,
    int NewVersion,
    long? ImprovementAttemptId,
    int TotalCases,
    int Agreements,
    int Errors,
    bool Passed,
    string ComparisonStrategy,
    string DetailsJson,
    DateTimeOffset TestedAt);
