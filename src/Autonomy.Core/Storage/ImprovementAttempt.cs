namespace Autonomy.Core.Storage;

/// <summary>A stored improvement attempt.</summary>
/// <param name="Id">The attempt's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="BaseVersion">The version being improved.</param>
/// <param name="InvestigationReportId">The motivating report.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CandidateVersion">The version it produced, once deployed.</param>
/// <param name="Error">Why it failed or was rejected.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="CompletedAt">When it ended; null while in progress.</param>
/// <param name="ApprovalRequestedAt">When it began to wait for a person's approval; null unless it waits or waited.</param>
public sealed record ImprovementAttempt(
    long Id,
    string ToolName,
    int BaseVersion,
    long? InvestigationReportId,
    ImprovementStatus Status,
    int? CandidateVersion,
    string? Error,
    string DetailsJson,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ApprovalRequestedAt = null);
