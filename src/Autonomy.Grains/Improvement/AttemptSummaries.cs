using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Improvement;

/// <summary>Turns stored attempts into the grain's summaries, reading what the details JSON holds.</summary>
internal static class AttemptSummaries
{
    /// <summary>The summary of a stored attempt. Details that cannot be read leave the fields they carry empty.</summary>
    public static ImprovementAttemptSummary From(ImprovementAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var details = Details.Read(attempt.DetailsJson);
        return new ImprovementAttemptSummary(
            attempt.Id,
            attempt.ToolName,
            StatusOf(attempt.Status),
            attempt.BaseVersion,
            attempt.CandidateVersion,

            // A failed attempt's error is its verdict; a rejected one keeps the engine's verdict in its details.
            details.Verdict ?? (attempt.Status == ImprovementStatus.Failed ? attempt.Error : null),
            details.Generator,
            details.Rationale,
            details.Diff,
            details.CandidatesTried,
            details.PlausibleFound,
            details.ElapsedMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            attempt.Error,
            attempt.StartedAt,
            attempt.CompletedAt,
            details.Verification);
    }

    private static ImprovementAttemptStatus StatusOf(ImprovementStatus status) => status switch
    {
        ImprovementStatus.InProgress => ImprovementAttemptStatus.InProgress,
        ImprovementStatus.Deployed => ImprovementAttemptStatus.Deployed,
        ImprovementStatus.Rejected => ImprovementAttemptStatus.Rejected,
        ImprovementStatus.AwaitingApproval => ImprovementAttemptStatus.AwaitingApproval,
        _ => ImprovementAttemptStatus.Failed,
    };

    /// <summary>The fields of the details JSON that <c>ToolImprover</c> writes at the end of a search.</summary>
    private sealed record Details(string? Verdict, string? Generator, string? Rationale, string? Diff, int CandidatesTried, int PlausibleFound, double? ElapsedMilliseconds, string? Verification)
    {
        private static readonly Details Empty = new(null, null, null, null, 0, 0, null, null);

        public static Details Read(string? json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return Empty;
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Empty;
                }

                return new Details(
                    Text(root, "verdict"),
                    Text(root, "generator"),
                    Text(root, "rationale"),
                    Text(root, "diff"),
                    Int(root, "candidatesTried"),
                    Int(root, "plausibleFound"),
                    root.TryGetProperty("elapsedMs", out var elapsed) && elapsed.ValueKind == JsonValueKind.Number ? elapsed.GetDouble() : null,
                    root.TryGetProperty("verification", out var verification) && verification.ValueKind == JsonValueKind.Object ? Text(verification, "summary") : null);
            }
            catch (JsonException)
            {
                return Empty;
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static int Int(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;
    }
}
