namespace Autonomy.Abstractions.Grains;

/// <summary>A tool's health as its grain sees it.</summary>
public enum ToolHealth
{
    /// <summary>Not enough executions in the window to judge.</summary>
    Unknown = 0,

    /// <summary>The active version's success rate is at or above the healthy threshold.</summary>
    Healthy = 1,

    /// <summary>The active version fails more often than the healthy threshold allows.</summary>
    Degraded = 2,

    /// <summary>No version is deployed.</summary>
    NotDeployed = 3,

    /// <summary>The tool is archived.</summary>
    Archived = 4,

    /// <summary>The tool is deleted (its source left the tools folder).</summary>
    Deleted = 5,
}
