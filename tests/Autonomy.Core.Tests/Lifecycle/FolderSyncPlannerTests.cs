using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Tests.Lifecycle;

/// <summary>The folder sync's decisions, from a folder's files and the store's state, without a cluster.</summary>
public sealed class FolderSyncPlannerTests
{
    private static readonly ValuableVerdict Valuable = new(true, 150, null, ["used 150 times (valuable from 100)"]);

    private readonly FolderSyncPlanner _planner = new(new LifecycleOptions { ToolsFolder = "tools" });

    private static FolderToolFile File(string name, int mark, string? fileName = null)
    {
        var source = LifecycleSources.Echo(name, mark);
        return new FolderToolFile(fileName ?? $"{name}.cs", source, ToolSourceName.TryRead(source)!);
    }

    private static ToolFolderScan Folder(params FolderToolFile[] files) =>
        new("/tools", true, files, files.Select(f => f.ToolName).ToHashSet(StringComparer.Ordinal), []);

    private static FolderToolState State(
        string name,
        int[] marks,
        int activeMark,
        string activeAuthor = "human",
        ToolStatus status = ToolStatus.Active,
        bool fromFolder = true,
        ValuableVerdict? valuable = null,
        ToolAlert? alert = null) =>
        new(
            name,
            status,
            fromFolder,
            marks.Select(m => File(name, m).SourceHash).ToHashSet(StringComparer.Ordinal),
            marks.Length,
            File(name, activeMark).SourceHash,
            activeAuthor,
            File(name, marks.Where(m => m > 0).DefaultIfEmpty(activeMark).Max()).Identity.RenameKey,
            valuable ?? ValuableVerdict.NotUsed,
            alert);

    private static ToolAlert DeleteAlert(string tool, string? acknowledgedBy = null) => new(
        12, tool, LifecycleAlertKinds.DeleteValuable, "held", "{}", DateTimeOffset.UnixEpoch, acknowledgedBy is null ? null : DateTimeOffset.UnixEpoch, acknowledgedBy, null, null);

    private FolderSyncPlan Plan(ToolFolderScan folder, params FolderToolState[] states) =>
        _planner.Plan(folder, states.ToDictionary(s => s.ToolName, StringComparer.Ordinal));

    private static IEnumerable<(LifecycleActionKind, string)> Summary(FolderSyncPlan plan) => plan.Actions.Select(a => (a.Kind, a.ToolName));

    [Fact]
    public void Plan_NewFile_RegistersTheTool()
    {
        var plan = Plan(Folder(File("greet", 1)));

        var register = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.Register, "greet", "new in the tools folder (greet.cs)", (string?)null), (register.Kind, register.ToolName, register.Reason, register.RenamedFrom));
        Assert.Equal(File("greet", 1), register.File);
    }

    [Fact]
    public void Plan_FileUnchanged_NothingToDo()
    {
        Assert.Empty(Plan(Folder(File("greet", 1)), State("greet", [1], 1)).Actions);
    }

    [Fact]
    public void Plan_FileChangedOverAnAutonomousFix_NewHumanVersionThatSaysWhatItReplaces()
    {
        // Version 2 (mark 2) is the loop's fix of the file's version 1; the person now wrote mark 3.
        var plan = Plan(Folder(File("greet", 3)), State("greet", [1, 2], 2, activeAuthor: "autonomous"));

        var change = Assert.Single(plan.Actions);
        Assert.Equal(LifecycleActionKind.NewHumanVersion, change.Kind);
        Assert.Equal(((int, string)?)(2, "autonomous"), change.Replaces);
        Assert.Equal("greet.cs changed in the tools folder; replaces version 2 (autonomous)", change.Reason);
        Assert.False(change.Restore);
    }

    [Fact]
    public void Plan_FileHoldsAnOlderVersion_LeftAloneUnlessWriteBackIsOn()
    {
        var state = State("greet", [1, 2], 2, activeAuthor: "autonomous");
        var writeBack = new FolderSyncPlanner(new LifecycleOptions { ToolsFolder = "tools", WriteBack = true });

        var off = Plan(Folder(File("greet", 1)), state);
        var on = writeBack.Plan(Folder(File("greet", 1)), new Dictionary<string, FolderToolState> { ["greet"] = state });

        Assert.Empty(off.Actions);
        var action = Assert.Single(on.Actions);
        Assert.Equal((LifecycleActionKind.WriteBack, (int?)2), (action.Kind, action.Version));
        Assert.Equal("version 2 (autonomous) is active and greet.cs holds an older version", action.Reason);
    }

    [Fact]
    public void Plan_ArchivedToolsFileChanged_RestoredWithTheNewVersion()
    {
        var plan = Plan(Folder(File("greet", 2)), State("greet", [1], 1, status: ToolStatus.Archived));

        var change = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.NewHumanVersion, true), (change.Kind, change.Restore));
    }

    [Fact]
    public void Plan_DeletedToolsFileBack_RevivedAndItsAlertResolved_NewSourceRegistered()
    {
        var plan = Plan(Folder(File("greet", 2)), State("greet", [1], 1, status: ToolStatus.Deleted, alert: DeleteAlert("greet")));

        Assert.Equal(
            [(LifecycleActionKind.ResolveAlert, "greet"), (LifecycleActionKind.Revive, "greet"), (LifecycleActionKind.NewHumanVersion, "greet")],
            Summary(plan));
        Assert.Equal("its file is back in the tools folder (greet.cs)", plan.Actions[0].Reason);
    }

    [Fact]
    public void Plan_ToolNotFromTheFolder_AdoptedAndSynced()
    {
        var plan = Plan(Folder(File("greet", 2)), State("greet", [1], 1, fromFolder: false));

        Assert.Equal([(LifecycleActionKind.Adopt, "greet"), (LifecycleActionKind.NewHumanVersion, "greet")], Summary(plan));
        Assert.True(plan.Actions[0].IsBookkeeping);
    }

    [Fact]
    public void Plan_FileGone_ToolDeletedButOnlyIfItCameFromTheFolder()
    {
        var plan = Plan(Folder(File("keep", 1)), State("keep", [1], 1), State("gone", [1], 1), State("added_by_hand", [1], 1, fromFolder: false));

        var delete = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.MarkDeleted, "gone", "its file is gone from the tools folder"), (delete.Kind, delete.ToolName, delete.Reason));
    }

    [Fact]
    public void Plan_ValuableToolsFileGone_AlertInsteadOfDeletion()
    {
        var plan = Plan(Folder(File("keep", 1)), State("keep", [1], 1), State("gone", [1], 1, valuable: Valuable));

        var alert = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.RaiseAlert, LifecycleAlertKinds.DeleteValuable), (alert.Kind, alert.AlertKind));
        Assert.Equal(
            "its file is gone from the tools folder, but it is valuable (used 150 times (valuable from 100)): it stays until the alert is acknowledged",
            alert.Reason);
        Assert.Same(Valuable, alert.Valuable);
    }

    [Fact]
    public void Plan_ValuableToolsAlertAcknowledged_DeletedAndTheAlertNamed()
    {
        var acknowledged = DeleteAlert("gone", "ada");

        var plan = Plan(Folder(File("keep", 1)), State("keep", [1], 1), State("gone", [1], 1, valuable: Valuable, alert: acknowledged));

        var delete = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.MarkDeleted, acknowledged), (delete.Kind, delete.Alert));
        Assert.Equal("its file is gone from the tools folder; it is valuable, and alert 12 was acknowledged by ada", delete.Reason);
    }

    [Fact]
    public void Plan_SameSourceUnderANewName_RegisteredAsARenameAndTheOldToolDeleted()
    {
        var plan = Plan(Folder(File("keep", 1), File("say_hello", 1)), State("keep", [1], 1), State("greet", [1], 1));

        Assert.Equal([(LifecycleActionKind.Register, "say_hello"), (LifecycleActionKind.MarkDeleted, "greet")], Summary(plan));
        Assert.Equal(("greet", "renamed from 'greet' in the tools folder (say_hello.cs)"), (plan.Actions[0].RenamedFrom, plan.Actions[0].Reason));
        Assert.Equal(("say_hello", "it was renamed to 'say_hello' in the tools folder"), (plan.Actions[1].RenamedTo, plan.Actions[1].Reason));
    }

    [Fact]
    public void Plan_ValuableToolRenamed_NewToolRegisteredOldOneHeldByAnAlert()
    {
        var plan = Plan(Folder(File("say_hello", 1)), State("greet", [1], 1, valuable: Valuable));

        Assert.Equal([(LifecycleActionKind.Register, "say_hello"), (LifecycleActionKind.RaiseAlert, "greet")], Summary(plan));
        Assert.Equal("say_hello", plan.Actions[1].RenamedTo);
    }

    [Fact]
    public void Plan_NewToolWithOtherCode_NotARename()
    {
        var plan = Plan(Folder(File("keep", 1), File("say_hello", 5)), State("keep", [1], 1), State("greet", [1], 1));

        Assert.Null(plan.Actions[0].RenamedFrom);
        Assert.Null(plan.Actions[1].RenamedTo);
    }

    [Fact]
    public void Plan_EmptyFolder_DeletesNothingAndSaysWhy()
    {
        var plan = Plan(Folder(), State("greet", [1], 1));

        Assert.Empty(plan.Actions);
        Assert.Equal(["tool 'greet' is not deleted although its file is gone: the tools folder has no tool file at all"], plan.Notes);
    }

    [Fact]
    public void Plan_MissingFolder_NothingAndANote()
    {
        var plan = Plan(new ToolFolderScan("/tools", false, [], new HashSet<string>(), []), State("greet", [1], 1));

        Assert.Empty(plan.Actions);
        Assert.Equal(["the tools folder /tools does not exist; nothing synced, no tool deleted"], plan.Notes);
    }

    [Fact]
    public void Plan_AlreadyDeletedAndStillGone_OnlyResolvesALeftoverAlert()
    {
        var plan = Plan(Folder(File("keep", 1)), State("keep", [1], 1), State("gone", [1], 1, status: ToolStatus.Deleted, alert: DeleteAlert("gone")));

        var resolve = Assert.Single(plan.Actions);
        Assert.Equal((LifecycleActionKind.ResolveAlert, "the tool is deleted"), (resolve.Kind, resolve.Reason));
    }

    [Fact]
    public void Plan_FileOfADuplicatedName_NotTreatedAsGone()
    {
        var folder = new ToolFolderScan("/tools", true, [File("keep", 1)], new HashSet<string>(["keep", "greet"], StringComparer.Ordinal), ["a.cs, b.cs: all declare the tool 'greet'; skipped until one remains"]);

        var plan = Plan(folder, State("keep", [1], 1), State("greet", [1], 1));

        Assert.Empty(plan.Actions);
        Assert.Equal(["a.cs, b.cs: all declare the tool 'greet'; skipped until one remains"], plan.Notes);
    }
}
