namespace Autonomy.Abstractions.Grains;

/// <summary>The answer to feedback addressed by execution id.</summary>
/// <param name="Status">Whether it was stored, and if not, why.</param>
/// <param name="ToolName">The execution's tool, when the execution was found.</param>
/// <param name="Version">The execution's tool version, when the execution was found.</param>
/// <param name="Message">Why it was not stored; null when it was.</param>
[GenerateSerializer, Immutable, Alias("autonomy.execution-feedback-receipt")]
public sealed record ExecutionFeedbackReceipt(
    [property: Id(0)] ExecutionFeedbackStatus Status,
    [property: Id(1)] string? ToolName,
    [property: Id(2)] int? Version,
    [property: Id(3)] string? Message)
{
    /// <summary>Whether the feedback was stored.</summary>
    public bool Accepted => Status == ExecutionFeedbackStatus.Recorded;
}
