namespace Autonomy.Abstractions.Grains;

/// <summary>What became of feedback addressed by execution id.</summary>
public enum ExecutionFeedbackStatus
{
    /// <summary>The feedback was stored against the execution's tool and version.</summary>
    Recorded = 0,

    /// <summary>No execution with this id is in the execution log.</summary>
    UnknownExecution = 1,

    /// <summary>The execution was found, but the feedback was refused (for example, the expected output is not JSON).</summary>
    Rejected = 2,
}
