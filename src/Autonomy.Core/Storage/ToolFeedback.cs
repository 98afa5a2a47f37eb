namespace Autonomy.Core.Storage;

/// <summary>Stored feedback on one execution.</summary>
/// <param name="Id">The feedback's id.</param>
/// <param name="ExecutionId">The execution.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The tool version that ran.</param>
/// <param name="Correct">Whether the output was right.</param>
/// <param name="ExpectedOutput">The expected JSON output (PostgreSQL returns it normalised: whitespace and key order may differ).</param>
/// <param name="Comment">Free text.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record ToolFeedback(
    long Id,
    Guid ExecutionId,
    string ToolName,
    int Version,
    bool Correct,
    string? ExpectedOutput,
    string? Comment,
    DateTimeOffset CreatedAt);
