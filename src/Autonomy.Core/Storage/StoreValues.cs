namespace Autonomy.Core.Storage;

/// <summary>The text the schema stores for the stores' enumerations (the tables' check constraints list the same).</summary>
internal static class StoreValues
{
    private static readonly StoredText<VersionAuthor> Authors = new(
        "author", (VersionAuthor.Human, "human"), (VersionAuthor.Autonomous, "autonomous"));

    private static readonly StoredText<ImprovementStatus> ImprovementStatuses = new(
        "improvement status",
        (ImprovementStatus.InProgress, "in_progress"),
        (ImprovementStatus.Deployed, "deployed"),
        (ImprovementStatus.Rejected, "rejected"),
        (ImprovementStatus.Failed, "failed"));

    private static readonly StoredText<MonitoringStatus> MonitoringStatuses = new(
        "monitoring status",
        (MonitoringStatus.Active, "active"),
        (MonitoringStatus.Completed, "completed"),
        (MonitoringStatus.RolledBack, "rolled_back"),
        (MonitoringStatus.Aborted, "aborted"));

    private static readonly StoredText<ToolStatus> ToolStatuses = new(
        "tool status", (ToolStatus.Active, "active"), (ToolStatus.Archived, "archived"), (ToolStatus.Deleted, "deleted"));

    private static readonly StoredText<TestKind> TestKinds = new("test type", (TestKind.Shadow, "shadow"), (TestKind.Replay, "replay"));

    public static string Of(VersionAuthor author) => Authors.Of(author);

    public static VersionAuthor ParseAuthor(string value) => Authors.Parse(value);

    public static string Of(ImprovementStatus status) => ImprovementStatuses.Of(status);

    public static ImprovementStatus ParseImprovementStatus(string value) => ImprovementStatuses.Parse(value);

    public static string Of(MonitoringStatus status) => MonitoringStatuses.Of(status);

    public static MonitoringStatus ParseMonitoringStatus(string value) => MonitoringStatuses.Parse(value);

    public static string Of(ToolStatus status) => ToolStatuses.Of(status);

    public static ToolStatus ParseToolStatus(string value) => ToolStatuses.Parse(value);

    public static TestKind ParseTestKind(string value) => TestKinds.Parse(value);
}
