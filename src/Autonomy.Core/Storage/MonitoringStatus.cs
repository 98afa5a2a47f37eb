namespace Autonomy.Core.Storage;

/// <summary>The state of a post-deployment monitoring session.</summary>
public enum MonitoringStatus
{
    /// <summary>Still watching the deployment.</summary>
    Active = 0,

    /// <summary>The window ended without a regression.</summary>
    Completed = 1,

    /// <summary>A regression was found and the tool was rolled back.</summary>
    RolledBack = 2,

    /// <summary>Stopped early for another reason, for example a newer deployment.</summary>
    Aborted = 3,
}
