namespace Autonomy.Abstractions.Grains;

/// <summary>Whether a tool can answer executions.</summary>
public enum ToolAvailability
{
    /// <summary>A version is deployed and the tool is not archived.</summary>
    Available = 0,

    /// <summary>No tool has this name.</summary>
    UnknownTool = 1,

    /// <summary>The tool has versions but none is deployed.</summary>
    NotDeployed = 2,

    /// <summary>The tool is archived.</summary>
    Archived = 3,

    /// <summary>The tool is deleted (its source left the tools folder); restoring it, or its file coming back, revives it.</summary>
    Deleted = 4,
}
