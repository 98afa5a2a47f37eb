using Autonomy.Abstractions.Grains;

namespace Autonomy.Cli.Commands.Improvement;

/// <summary>The shapes <c>improve --json</c> and <c>attempts --json</c> print, separate from the grain records.</summary>
internal static class ImprovementJson
{
    /// <summary>What <c>improve --json</c> prints.</summary>
    internal sealed record ImproveReport(string Tool, ImprovementOutcome Outcome, string Message, int? ActiveVersion, AttemptRow? Attempt)
    {
        public static ImproveReport From(string tool, ImprovementReply reply) =>
            new(tool, reply.Outcome, reply.Message, reply.ActiveVersion, reply.Attempt is { } attempt ? AttemptRow.From(attempt) : null);
    }

    /// <summary>What <c>attempts --json</c> prints.</summary>
    internal sealed record AttemptsReport(string? Tool, IReadOnlyList<AttemptRow> Attempts);

    /// <summary>One attempt.</summary>
    internal sealed record AttemptRow(
        long Id,
        ImprovementAttemptStatus Status,
        DateTimeOffset StartedAt,
        DateTimeOffset? CompletedAt,
        int BaseVersion,
        int? NewVersion,
        string? Verdict,
        string? Generator,
        string? Rationale,
        int CandidatesTried,
        int PlausibleFound,
        double? ElapsedMilliseconds,
        string? Error,
        string? Diff,
        string? Tool = null,
        string? Verification = null)
    {
        public static AttemptRow From(ImprovementAttemptSummary attempt) => new(
            attempt.Id,
            attempt.Status,
            attempt.StartedAt,
            attempt.CompletedAt,
            attempt.BaseVersion,
            attempt.CandidateVersion,
            attempt.Verdict,
            attempt.Generator,
            attempt.Rationale,
            attempt.CandidatesTried,
            attempt.PlausibleFound,
            attempt.Elapsed is { } elapsed ? Math.Round(elapsed.TotalMilliseconds) : null,
            attempt.Error,
            attempt.Diff,
            attempt.ToolName,
            attempt.Verification);
    }
}
