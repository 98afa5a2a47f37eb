using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Storage;

/// <summary>
/// One row of the execution log (<c>tool_executions</c>): what one execution of one tool version did. Flat and
/// immutable, so the writer can buffer it and the sinks can copy it column by column.
/// </summary>
/// <param name="ExecutionId">The execution's id; the log is idempotent on it.</param>
/// <param name="ToolName">The tool's name.</param>
/// <param name="ToolVersion">The tool version that ran (1 and up).</param>
/// <param name="StartedAt">When the execution started (UTC, whole milliseconds: what both stores keep).</param>
/// <param name="Duration">Wall-clock time from start to outcome (whole microseconds: what both stores keep).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Input">The input document, capped by <see cref="ExecutionLogOptions.MaxDocumentBytes"/>.</param>
/// <param name="Output">The output document, capped the same way.</param>
/// <param name="InputTruncated">Whether <paramref name="Input"/> was cut at the cap.</param>
/// <param name="OutputTruncated">Whether <paramref name="Output"/> was cut at the cap.</param>
/// <param name="Message">The one-line explanation of a non-success outcome.</param>
/// <param name="ErrorType">The exception's full type name, for <see cref="ExecutionOutcome.ToolError"/>.</param>
/// <param name="ErrorLine">The tool source line that threw, when known.</param>
/// <param name="ErrorMember">The tool member that threw, when known.</param>
/// <param name="Budget">Which budget ran out, for <see cref="ExecutionOutcome.BudgetExceeded"/>.</param>
/// <param name="Steps">Sandbox steps used.</param>
/// <param name="AllocatedBytes">Bytes the tool allocated.</param>
/// <param name="LogLines">The tool's log lines as a JSON array (see <see cref="ExecutionLogLines"/>), or null when it logged nothing.</param>
/// <param name="DroppedLogLines">Log lines written past the sandbox's cap and not kept.</param>
/// <param name="Caller">Who asked for the execution (an agent, a test run, a replay), when known.</param>
/// <param name="Silo">The silo that ran it, when known.</param>
/// <param name="RecordedAt">When the record was made (UTC, whole milliseconds).</param>
public sealed record ExecutionRecord(
    Guid ExecutionId,
    string ToolName,
    int ToolVersion,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    ExecutionOutcome Outcome,
    string? Input,
    string? Output,
    bool InputTruncated,
    bool OutputTruncated,
    string? Message,
    string? ErrorType,
    int? ErrorLine,
    string? ErrorMember,
    ExceededBudget Budget,
    long Steps,
    long AllocatedBytes,
    string? LogLines,
    int DroppedLogLines,
    string? Caller,
    string? Silo,
    DateTimeOffset RecordedAt)
{
    /// <summary>Whether the outcome counts against the tool (everything but success and invalid input).</summary>
    public bool CountsAsToolFailure => Outcome is not (ExecutionOutcome.Success or ExecutionOutcome.InvalidInput);

    /// <summary>The duration in whole microseconds, as stored.</summary>
    public long DurationMicroseconds => Duration.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>
    /// Builds the row for one execution. Times are normalised to what the stores keep (UTC, whole milliseconds;
    /// durations in whole microseconds) so that a record read back equals the one written. Documents are not
    /// capped here: <see cref="ExecutionLogWriter"/> caps them with its options.
    /// </summary>
    /// <param name="executionId">The execution's id. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> keeps the primary key index append-mostly.</param>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="toolVersion">The version that ran.</param>
    /// <param name="startedAt">When the execution started.</param>
    /// <param name="input">The input document as the caller sent it.</param>
    /// <param name="result">What the executor returned.</param>
    /// <param name="timeProvider">The clock for <see cref="RecordedAt"/>.</param>
    /// <param name="caller">Who asked for the execution, when known.</param>
    /// <param name="silo">The silo that ran it, when known.</param>
    public static ExecutionRecord FromResult(
        Guid executionId,
        string toolName,
        int toolVersion,
        DateTimeOffset startedAt,
        string? input,
        ExecutionResult result,
        TimeProvider timeProvider,
        string? caller = null,
        string? silo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(timeProvider);

        return new ExecutionRecord(
            executionId,
            toolName,
            toolVersion,
            ToStoredTime(startedAt),
            ToStoredDuration(result.Duration),
            result.Outcome,
            input,
            result.Output,
            InputTruncated: false,
            OutputTruncated: false,
            result.Message,
            result.Error?.ExceptionType,
            result.Error?.Line,
            result.Error?.Member,
            result.Budget,
            result.Steps,
            result.AllocatedBytes,
            ExecutionLogLines.Serialize(result.Log),
            result.DroppedLogLines,
            caller,
            silo,
            ToStoredTime(timeProvider.GetUtcNow()));
    }

    /// <summary>A time as the stores keep it: UTC, truncated to whole milliseconds.</summary>
    public static DateTimeOffset ToStoredTime(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>A duration as the stores keep it: truncated to whole microseconds, never negative.</summary>
    public static TimeSpan ToStoredDuration(TimeSpan value) =>
        value <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond));
}
