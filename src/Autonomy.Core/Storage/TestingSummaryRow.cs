namespace Autonomy.Core.Storage;

/// <summary>A row of the <c>testing_summary</c> view: one test run, shadow or replay.</summary>
/// <param name="TestType">Shadow or replay.</param>
/// <param name="TestId">The id in its own table.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="BaselineVersion">The old (shadow) or replayed (replay) version.</param>
/// <param name="NewVersion">The candidate.</param>
/// <param name="ImprovementAttemptId">The attempt it tested.</param>
/// <param name="TotalCases">Inputs run.</param>
/// <param name="PassedCases">Agreements (shadow) or successes (replay).</param>
/// <param name="PassRate">Passed over total; null with no cases.</param>
/// <param name="Regressions">Regressions (replay only).</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="TestedAt">When it was recorded.</param>
public sealed record TestingSummaryRow(
    TestKind TestType,
    long TestId,
    string ToolName,
    int BaselineVersion,
    int NewVersion,
    long? ImprovementAttemptId,
    int TotalCases,
    int PassedCases,
    double? PassRate,
    int? Regressions,
    bool Passed,
    DateTimeOffset TestedAt);
