namespace Autonomy.Core.Storage;

/// <summary>A tool's status in its lifecycle.</summary>
public enum ToolStatus
{
    /// <summary>Registered and callable.</summary>
    Active = 0,

    /// <summary>Kept but no longer offered, for example unused for a long time.</summary>
    Archived = 1,

    /// <summary>Removed by a person or by maintenance.</summary>
    Deleted = 2,
}
