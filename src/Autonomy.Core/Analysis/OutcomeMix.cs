namespace Autonomy.Core.Analysis;

/// <summary>
/// How executions ended. <see cref="InvalidInput"/> is the caller's fault and never counts against the tool;
/// <see cref="FeedbackWrong"/> counts successes that a caller later reported wrong (they are also in
/// <see cref="Success"/>, since the sandbox saw a success).
/// </summary>
public sealed record OutcomeMix(
    long Success,
    long ToolError,
    long Timeout,
    long BudgetExceeded,
    long InvalidOutput,
    long InvalidInput,
    long FeedbackWrong)
{
    /// <summary>No executions.</summary>
    public static OutcomeMix Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Every execution.</summary>
    public long Total => Success + ToolError + Timeout + BudgetExceeded + InvalidOutput + InvalidInput;

    /// <summary>Executions that count for or against the tool.</summary>
    public long Attributable => Total - InvalidInput;

    /// <summary>Executions that count against the tool, feedback-marked wrong outputs included.</summary>
    public long Failures => ToolError + Timeout + BudgetExceeded + InvalidOutput + Math.Min(FeedbackWrong, Success);

    /// <summary>Successes that nobody reported wrong.</summary>
    public long CorrectSuccesses => Success - Math.Min(FeedbackWrong, Success);
}
