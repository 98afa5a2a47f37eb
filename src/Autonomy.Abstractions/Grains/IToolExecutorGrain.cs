namespace Autonomy.Abstractions.Grains;

/// <summary>
/// The execution hot path: a stateless worker that runs where the call lands, caches compiled versions, records
/// every execution in the execution log and ships per-version metrics to the tool's grain in batches. Never throws
/// for anything about the tool or its input; the reply says what happened.
/// </summary>
[Alias("autonomy.tool-executor")]
public interface IToolExecutorGrain : IGrainWithIntegerKey
{
    /// <summary>Runs the active version of a tool on a JSON input.</summary>
    [Alias("execute")]
    Task<ToolExecutionReply> ExecuteAsync(string toolName, string inputJson, CancellationToken cancellationToken = default);

    /// <summary>Records whether an execution's result was right, with the expected output when known.</summary>
    [Alias("report-feedback")]
    Task<FeedbackReceipt> ReportFeedbackAsync(Guid executionId, string toolName, int version, bool correct, string? expectedOutput, string? comment = null);
}
