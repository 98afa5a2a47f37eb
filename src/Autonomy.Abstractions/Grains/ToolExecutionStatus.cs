namespace Autonomy.Abstractions.Grains;

/// <summary>Whether an execution ran, and if not, why.</summary>
public enum ToolExecutionStatus
{
    /// <summary>The tool ran; the result's outcome says how it ended.</summary>
    Executed = 0,

    /// <summary>No tool has this name.</summary>
    UnknownTool = 1,

    /// <summary>The tool has no deployed version.</summary>
    NotDeployed = 2,

    /// <summary>The tool is archived.</summary>
    Archived = 3,

    /// <summary>The active version could not be loaded (it no longer compiles, or its source is missing).</summary>
    Unavailable = 4,

    /// <summary>The tool is deleted (its source left the tools folder).</summary>
    Deleted = 5,
}
