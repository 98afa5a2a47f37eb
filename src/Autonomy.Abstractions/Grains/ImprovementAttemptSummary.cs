namespace Autonomy.Abstractions.Grains;

/// <summary>One improvement attempt, as <c>improvement_attempts</c> records it.</summary>
/// <param name="Id">The attempt's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="BaseVersion">The version it tried to improve.</param>
/// <param name="CandidateVersion">The version its candidate became, or null.</param>
/// <param name="Verdict">The attempt's verdict in words ("fixed by fix-template: …", "no plausible candidate …"), or null while it searches.</param>
/// <param name="Generator">The generator of the chosen candidate, or null.</param>
/// <param name="Rationale">Why the chosen candidate should fix the tool, or null.</param>
/// <param name="Diff">The unified diff from the base version to the chosen candidate, or null.</param>
/// <param name="CandidatesTried">Candidates evaluated, all generators.</param>
/// <param name="PlausibleFound">Candidates that passed every given case.</param>
/// <param name="Elapsed">The search's time, or null while it searches.</param>
/// <param name="Error">Why the attempt was rejected or failed, or null.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Verification">How verification judged the candidate, in one line, once it ran.</param>
/// <param name="CompletedAt">When it ended, or null while in progress.</param>
[GenerateSerializer, Immutable, Alias("autonomy.improvement-attempt-summary")]
public sealed record ImprovementAttemptSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string ToolName,
    [property: Id(2)] ImprovementAttemptStatus Status,
    [property: Id(3)] int BaseVersion,
    [property: Id(4)] int? CandidateVersion,
    [property: Id(5)] string? Verdict,
    [property: Id(6)] string? Generator,
    [property: Id(7)] string? Rationale,
    [property: Id(8)] string? Diff,
    [property: Id(9)] int CandidatesTried,
    [property: Id(10)] int PlausibleFound,
    [property: Id(11)] TimeSpan? Elapsed,
    [property: Id(12)] string? Error,
    [property: Id(13)] DateTimeOffset StartedAt,
    [property: Id(14)] DateTimeOffset? CompletedAt,
    [property: Id(15)] string? Verification = null);
