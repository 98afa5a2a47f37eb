namespace Autonomy.Core.Storage;

/// <summary>Feedback on executions (<c>execution_feedback</c>): whether an output was right, and what was expected.</summary>
public interface IFeedbackStore
{
    /// <summary>Records feedback and returns it as stored.</summary>
    /// <exception cref="ArgumentException">The expected output is not JSON.</exception>
    Task<ToolFeedback> RecordAsync(NewToolFeedback feedback, CancellationToken cancellationToken = default);

    /// <summary>The newest feedback on a tool, or on one version of it, newest first.</summary>
    Task<IReadOnlyList<ToolFeedback>> ListAsync(
        string toolName, int? version, int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest feedback that carries an expected output (the test cases it yields), newest first.</summary>
    Task<IReadOnlyList<ToolFeedback>> ListWithExpectedOutputAsync(
        string toolName, int? version, int limit, CancellationToken cancellationToken = default);
}
