using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>
/// Plans the sync of the tools folder with the store, without side effects (the maintenance service gathers the
/// inputs and takes the actions). The rules (docs/decisions/0015-lifecycle.md):
/// <list type="bullet">
/// <item>A file whose tool the store does not have registers it, as a rename of a folder tool whose file is gone
/// when the two sources differ only in the tool's name (same <see cref="ToolSourceIdentity.RenameKey"/>).</item>
/// <item>A file holding a source its tool never had is a person's edit: it becomes a human version and is deployed,
/// over an autonomous fix too. A file holding any earlier version's source is not an edit (the store moved on: a
/// fix, a rollback, a version added by hand), and is written back only when <see cref="LifecycleOptions.WriteBack"/> is on.</item>
/// <item>A deleted tool whose file is back is revived.</item>
/// <item>A tool the folder created or adopted whose file is gone is deleted, unless it is valuable: then an alert is
/// raised, and the deletion waits until a person acknowledges it.</item>
/// </list>
/// </summary>
public sealed class FolderSyncPlanner(LifecycleOptions options)
{
    /// <summary>
    /// The <c>reason</c> of the creation events that mark a tool as the folder's: recorded when folder sync registers
    /// a tool, and when it adopts one that existed before its file was in the folder.
    /// </summary>
    public const string CreationReason = "registered from the tools folder";

    private readonly LifecycleOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Plans the sync of <paramref name="folder"/> against <paramref name="tools"/>: the state of every tool a file
    /// names that the store has, and of every tool the folder created or adopted.
    /// </summary>
    public FolderSyncPlan Plan(ToolFolderScan folder, IReadOnlyDictionary<string, FolderToolState> tools)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(tools);
        var actions = new List<LifecycleAction>();
        var notes = new List<string>(folder.Problems);
        if (!folder.Exists)
        {
            notes.Add($"the tools folder {folder.Directory} does not exist; nothing synced, no tool deleted");
            return new FolderSyncPlan(actions, notes);
        }

        var gone = tools.Values
            .Where(t => t.FromFolder && !folder.Claimed.Contains(t.ToolName))
            .OrderBy(t => t.ToolName, StringComparer.Ordinal)
            .ToList();
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in folder.Files)
        {
            if (!tools.TryGetValue(file.ToolName, out var state))
            {
                var renamed = gone.FirstOrDefault(t =>
                    t.Status != ToolStatus.Deleted && t.RenameKey == file.Identity.RenameKey && !renamedTo.ContainsKey(t.ToolName));
                if (renamed is not null)
                {
                    renamedTo[renamed.ToolName] = file.ToolName;
                }

                actions.Add(new LifecycleAction(
                    LifecycleActionKind.Register,
                    file.ToolName,
                    renamed is null ? $"new in the tools folder ({file.FileName})" : $"renamed from '{renamed.ToolName}' in the tools folder ({file.FileName})")
                {
                    File = file,
                    RenamedFrom = renamed?.ToolName,
                });
                continue;
            }

            PlanPresent(file, state, actions);
        }

        var withheld = folder.Files.Count == 0 && folder.Claimed.Count == 0;
        foreach (var tool in gone)
        {
            if (tool.Status == ToolStatus.Deleted)
            {
                if (tool.DeleteAlert is { } stale)
                {
                    actions.Add(Resolve(tool.ToolName, stale, "the tool is deleted"));
                }

                continue;
            }

            if (withheld)
            {
                // An emptied folder (a failed checkout, an unmounted share) looks like every tool deleted at once.
                notes.Add($"tool '{tool.ToolName}' is not deleted although its file is gone: the tools folder has no tool file at all");
                continue;
            }

            PlanGone(tool, renamedTo.GetValueOrDefault(tool.ToolName), actions);
        }

        return new FolderSyncPlan(actions, notes);
    }

    private void PlanPresent(FolderToolFile file, FolderToolState state, List<LifecycleAction> actions)
    {
        if (!state.FromFolder)
        {
            actions.Add(new LifecycleAction(LifecycleActionKind.Adopt, state.ToolName, $"its source is in the tools folder ({file.FileName})") { File = file });
        }

        if (state.DeleteAlert is { } alert)
        {
            actions.Add(Resolve(state.ToolName, alert, $"its file is back in the tools folder ({file.FileName})"));
        }

        var known = state.KnownHashes.Contains(file.SourceHash);
        if (state.Status == ToolStatus.Deleted)
        {
            actions.Add(new LifecycleAction(LifecycleActionKind.Revive, state.ToolName, $"its file is back in the tools folder ({file.FileName})") { File = file });
        }

        if (!known)
        {
            actions.Add(new LifecycleAction(
                LifecycleActionKind.NewHumanVersion,
                state.ToolName,
                state.ActiveVersion is { } active
                    ? $"{file.FileName} changed in the tools folder; replaces version {active} ({state.ActiveAuthor ?? "unknown author"})"
                    : $"{file.FileName} changed in the tools folder")
            {
                File = file,
                Replaces = state.ActiveVersion is { } version ? (version, state.ActiveAuthor ?? "unknown") : null,
                Restore = state.Status == ToolStatus.Archived,
            });
            return;
        }

        if (_options.WriteBack && state.Status == ToolStatus.Active && state.ActiveSourceHash is { } hash && hash != file.SourceHash)
        {
            actions.Add(new LifecycleAction(
                LifecycleActionKind.WriteBack,
                state.ToolName,
                $"version {state.ActiveVersion} ({state.ActiveAuthor ?? "unknown author"}) is active and {file.FileName} holds an older version")
            {
                File = file,
                Version = state.ActiveVersion,
            });
        }
    }

    private static void PlanGone(FolderToolState tool, string? renamedTo, List<LifecycleAction> actions)
    {
        var why = renamedTo is null ? "its file is gone from the tools folder" : $"it was renamed to '{renamedTo}' in the tools folder";
        if (!tool.Valuable.IsValuable)
        {
            actions.Add(new LifecycleAction(LifecycleActionKind.MarkDeleted, tool.ToolName, why)
            {
                RenamedTo = renamedTo,
                Alert = tool.DeleteAlert,
            });
            return;
        }

        if (tool.DeleteAlert is { IsAcknowledged: true } approved)
        {
            actions.Add(new LifecycleAction(
                LifecycleActionKind.MarkDeleted,
                tool.ToolName,
                $"{why}; it is valuable, and alert {approved.Id} was acknowledged by {approved.AcknowledgedBy}")
            {
                RenamedTo = renamedTo,
                Alert = approved,
            });
            return;
        }

        actions.Add(new LifecycleAction(
            LifecycleActionKind.RaiseAlert,
            tool.ToolName,
            $"{why}, but it is valuable ({tool.Valuable.Describe()}): it stays until the alert is acknowledged")
        {
            AlertKind = LifecycleAlertKinds.DeleteValuable,
            Alert = tool.DeleteAlert,
            RenamedTo = renamedTo,
            Valuable = tool.Valuable,
        });
    }

    private static LifecycleAction Resolve(string toolName, ToolAlert alert, string why) =>
        new(LifecycleActionKind.ResolveAlert, toolName, why) { Alert = alert };
}
