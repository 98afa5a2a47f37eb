using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Lifecycle;

/// <summary>
/// Takes the lifecycle manager's planned actions through the tools' grains and the stores, within a budget of actions
/// per run, and writes one line per action. One action's failure is a line, never the end of the run.
/// </summary>
internal sealed class LifecycleActionRunner(
    IGrainFactory grains,
    IToolVersionStore versions,
    ILifecycleEventStore lifecycle,
    IAlertStore alerts,
    int budget,
    ILogger logger)
{
    private const string Human = "human";

    /// <summary>Actions taken that count against the budget.</summary>
    public int Taken { get; private set; }

    /// <summary>Actions left for the next run because the budget ran out.</summary>
    public int Deferred { get; private set; }

    public async Task RunAsync(LifecycleAction action, string? directory, List<string> lines, CancellationToken cancellationToken)
    {
        // An alert already open only needs its line; re-raising it costs a read.
        var counts = !action.IsBookkeeping && !(action.Kind == LifecycleActionKind.RaiseAlert && action.Alert is not null);
        if (counts && Taken >= budget)
        {
            Deferred++;
            return;
        }

        Taken += counts ? 1 : 0;
        try
        {
            lines.Add(await TakeAsync(action, directory, cancellationToken));
        }
#pragma warning disable CA1031 // One tool's failure is reported and retried at the next run; it must not stop the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ActionFailed(logger, action.Kind, action.ToolName, ex);
            lines.Add($"tool '{action.ToolName}': could not {Verb(action.Kind)}: {ex.Message}");
        }
    }

    private Task<string> TakeAsync(LifecycleAction action, string? directory, CancellationToken cancellationToken) => action.Kind switch
    {
        LifecycleActionKind.Register => RegisterAsync(action, cancellationToken),
        LifecycleActionKind.NewHumanVersion => NewVersionAsync(action, cancellationToken),
        LifecycleActionKind.Revive => ReviveAsync(action),
        LifecycleActionKind.Adopt => AdoptAsync(action, cancellationToken),
        LifecycleActionKind.WriteBack => WriteBackAsync(action, directory!, cancellationToken),
        LifecycleActionKind.MarkDeleted => DeleteAsync(action, cancellationToken),
        LifecycleActionKind.Archive => ArchiveAsync(action, cancellationToken),
        LifecycleActionKind.RaiseAlert => RaiseAsync(action, cancellationToken),
        LifecycleActionKind.ResolveAlert => ResolveAsync(action, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown lifecycle action."),
    };

    private async Task<string> RegisterAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var file = action.File!;
        var tool = grains.GetGrain<IToolGrain>(action.ToolName);
        var registered = await tool.RegisterVersionAsync(file.Source, Human, $"tools folder: {file.FileName}", cancellationToken);
        if (registered.Version is not { } version)
        {
            return $"{file.FileName}: tool '{action.ToolName}' was not registered: {Rejection(registered)}";
        }

        var deployed = await tool.DeployAsync(version);
        await lifecycle.RecordCreationAsync(
            new NewToolCreationEvent(
                action.ToolName, version, VersionAuthor.Human, registered.SourceHash, FolderSyncPlanner.CreationReason,
                Json(new { file = file.FileName, renamedFrom = action.RenamedFrom })),
            cancellationToken);
        if (action.RenamedFrom is { } from)
        {
            await lifecycle.RecordEventAsync(new NewLifecycleEvent(action.ToolName, "renamed", null, null, version, Json(new { from, file = file.FileName })), cancellationToken);
        }

        var renamed = action.RenamedFrom is null ? string.Empty : $" (renamed from '{action.RenamedFrom}')";
        return $"registered tool '{action.ToolName}' version {version} from {file.FileName}{renamed}{Deployed(deployed)}";
    }

    private async Task<string> NewVersionAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var file = action.File!;
        var tool = grains.GetGrain<IToolGrain>(action.ToolName);
        if (action.Restore)
        {
            await tool.RestoreAsync($"its file in the tools folder changed ({file.FileName})");
        }

        var registered = await tool.RegisterVersionAsync(file.Source, Human, action.Reason, cancellationToken);
        if (registered.Version is not { } version)
        {
            return $"{file.FileName}: the new source of tool '{action.ToolName}' was not registered: {Rejection(registered)}";
        }

        var deployed = await tool.DeployAsync(version);
        await lifecycle.RecordEventAsync(
            new NewLifecycleEvent(
                action.ToolName, "source_changed", null, null, version,
                Json(new
                {
                    file = file.FileName,
                    replacedVersion = action.Replaces?.Version,
                    replacedAuthor = action.Replaces?.Author,
                    deployed = deployed.Succeeded,
                })),
            cancellationToken);
        var replaced = action.Replaces is { } r ? $", replacing version {r.Version} ({r.Author})" : string.Empty;
        return $"tool '{action.ToolName}': version {version} from {file.FileName}{Deployed(deployed)}{(deployed.Succeeded ? replaced : string.Empty)}";
    }

    private async Task<string> ReviveAsync(LifecycleAction action)
    {
        var restored = await grains.GetGrain<IToolGrain>(action.ToolName).RestoreAsync(action.Reason);
        return restored.Succeeded
            ? $"restored tool '{action.ToolName}' (it was deleted): {action.Reason}"
            : $"tool '{action.ToolName}' was not restored: {restored.Message}";
    }

    private async Task<string> AdoptAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var file = action.File!;
        await lifecycle.RecordCreationAsync(
            new NewToolCreationEvent(
                action.ToolName, null, VersionAuthor.Human, file.SourceHash, FolderSyncPlanner.CreationReason,
                Json(new { file = file.FileName, adopted = true })),
            cancellationToken);
        return $"tool '{action.ToolName}' is now synced with the tools folder ({file.FileName})";
    }

    private async Task<string> WriteBackAsync(LifecycleAction action, string directory, CancellationToken cancellationToken)
    {
        var file = action.File!;
        var active = await versions.GetAsync(action.ToolName, action.Version!.Value, cancellationToken)
            ?? throw new InvalidOperationException($"version {action.Version} is not in the version store");
        if (!await ToolFolder.WriteBackAsync(directory, file.FileName, file.SourceHash, active.Source, cancellationToken))
        {
            return $"{file.FileName}: not written back: the file changed since it was read";
        }

        await lifecycle.RecordEventAsync(
            new NewLifecycleEvent(action.ToolName, "written_back", null, null, active.Version, Json(new { file = file.FileName, reason = action.Reason })),
            cancellationToken);
        return $"wrote version {active.Version} of tool '{action.ToolName}' back to {file.FileName}: {action.Reason}";
    }

    private async Task<string> DeleteAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var deleted = await grains.GetGrain<IToolGrain>(action.ToolName).MarkDeletedAsync(action.Reason);
        if (!deleted.Succeeded)
        {
            return $"tool '{action.ToolName}' was not deleted: {deleted.Message}";
        }

        if (action.RenamedTo is { } to)
        {
            await lifecycle.RecordEventAsync(new NewLifecycleEvent(action.ToolName, "renamed", null, null, null, Json(new { to })), cancellationToken);
        }

        await ResolveHeldAsync(action, "the tool was deleted", cancellationToken);
        return $"deleted tool '{action.ToolName}': {action.Reason}";
    }

    private async Task<string> ArchiveAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var archived = await grains.GetGrain<IToolGrain>(action.ToolName).ArchiveAsync(action.Reason);
        if (!archived.Succeeded)
        {
            return $"tool '{action.ToolName}' was not archived: {archived.Message}";
        }

        await ResolveHeldAsync(action, "the tool was archived", cancellationToken);
        return $"archived tool '{action.ToolName}': {action.Reason}";
    }

    private async Task<string> RaiseAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var valuable = action.Valuable;
        var what = action.AlertKind == LifecycleAlertKinds.DeleteValuable ? "delete" : "archive";
        var raised = await alerts.RaiseAsync(
            new NewToolAlert(
                action.ToolName,
                action.AlertKind!,
                $"tool '{action.ToolName}': {action.Reason}. Acknowledge this alert to let maintenance {what} it.",
                Json(new
                {
                    reason = action.Reason,
                    renamedTo = action.RenamedTo,
                    executions = valuable?.Executions,
                    lastUsedBy = valuable?.LastUsedBy,
                    valuable = valuable?.Reasons,
                })),
            cancellationToken);
        if (!raised.Created)
        {
            return $"tool '{action.ToolName}' is kept: alert {raised.Alert.Id} ({raised.Alert.Kind}) still waits for acknowledgement";
        }

        Log.AlertRaised(logger, raised.Alert.Id, action.ToolName, raised.Alert.Kind);
        return $"raised alert {raised.Alert.Id} ({raised.Alert.Kind}) instead of acting: tool '{action.ToolName}': {action.Reason}";
    }

    private async Task<string> ResolveAsync(LifecycleAction action, CancellationToken cancellationToken)
    {
        var alert = action.Alert!;
        await alerts.ResolveAsync(alert.Id, action.Reason, cancellationToken);
        return $"resolved alert {alert.Id} ({alert.Kind}) on tool '{action.ToolName}': {action.Reason}";
    }

    private async Task ResolveHeldAsync(LifecycleAction action, string resolution, CancellationToken cancellationToken)
    {
        if (action.Alert is { } alert)
        {
            await alerts.ResolveAsync(
                alert.Id,
                alert.AcknowledgedBy is { } by ? $"{resolution} after {by} acknowledged the alert" : $"{resolution}: it is no longer valuable",
                cancellationToken);
        }
    }

    private static string Deployed(ToolCommandResult deployed) =>
        deployed.Succeeded ? ", deployed" : $", not deployed: {deployed.Message}";

    private static string Rejection(RegisterVersionResult result)
    {
        var first = result.Diagnostics.FirstOrDefault(d => d.IsError);
        return first is null ? result.Message ?? "rejected" : $"{result.Message} (first: {first.Code} {first.Message})";
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Verb(LifecycleActionKind kind) => kind switch
    {
        LifecycleActionKind.Register => "register it",
        LifecycleActionKind.NewHumanVersion => "register its new source",
        LifecycleActionKind.Revive => "restore it",
        LifecycleActionKind.Adopt => "record it as the folder's",
        LifecycleActionKind.WriteBack => "write it back",
        LifecycleActionKind.MarkDeleted => "delete it",
        LifecycleActionKind.Archive => "archive it",
        LifecycleActionKind.RaiseAlert => "raise its alert",
        _ => "resolve its alert",
    };
}
