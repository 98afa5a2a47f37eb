namespace Autonomy.Core.Verification;

/// <summary>A candidate to verify against the version it would replace.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="BaselineVersion">The active version.</param>
/// <param name="BaselineSource">Its source.</param>
/// <param name="CandidateVersion">The candidate, registered (not deployed) so results can name it.</param>
/// <param name="CandidateSource">Its source.</param>
/// <param name="AttemptId">The improvement attempt it came from, if any.</param>
public sealed record VerificationRequest(
    string ToolName,
    int BaselineVersion,
    string BaselineSource,
    int CandidateVersion,
    string CandidateSource,
    long? AttemptId);
