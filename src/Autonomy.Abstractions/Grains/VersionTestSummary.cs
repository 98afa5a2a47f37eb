namespace Autonomy.Abstractions.Grains;

/// <summary>A stored test run that judged a version as the candidate (<c>testing_summary</c>).</summary>
/// <param name="Kind"><c>shadow</c> or <c>replay</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="PassedCases">Agreements (shadow) or passing replays.</param>
/// <param name="TotalCases">Cases run.</param>
/// <param name="Regressions">Replay regressions; null for shadow.</param>
/// <param name="TestedAt">When it ran.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-test-summary")]
public sealed record VersionTestSummary(
    [property: Id(0)] string Kind,
    [property: Id(1)] bool Passed,
    [property: Id(2)] int PassedCases,
    [property: Id(3)] int TotalCases,
    [property: Id(4)] int? Regressions,
    [property: Id(5)] DateTimeOffset TestedAt);
