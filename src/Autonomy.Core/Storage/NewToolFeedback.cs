namespace Autonomy.Core.Storage;

/// <summary>Feedback on one execution.</summary>
/// <param name="ExecutionId">The execution.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The tool version that ran.</param>
/// <param name="Correct">Whether the output was right.</param>
/// <param name="ExpectedOutput">The JSON output that was expected, when known; it becomes a test case.</param>
/// <param name="Comment">Free text from the person or process giving feedback.</param>
public sealed record NewToolFeedback(
    Guid ExecutionId,
    string ToolName,
    int Version,
    bool Correct,
    string? ExpectedOutput,
    string? Comment);
