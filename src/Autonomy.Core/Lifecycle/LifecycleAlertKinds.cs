namespace Autonomy.Core.Lifecycle;

/// <summary>The kinds of alert the lifecycle manager raises (<c>tool_alerts.kind</c>).</summary>
public static class LifecycleAlertKinds
{
    /// <summary>A valuable tool's file left the tools folder: it is kept until a person acknowledges the alert.</summary>
    public const string DeleteValuable = "delete_valuable";

    /// <summary>A valuable tool qualifies for archiving: it is kept until a person acknowledges the alert.</summary>
    public const string ArchiveValuable = "archive_valuable";
}
