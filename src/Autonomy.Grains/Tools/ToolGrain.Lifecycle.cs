using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tools;

/// <summary>The tool grain's lifecycle: archive, restore and delete (decision 0015).</summary>
public sealed partial class ToolGrain
{
    /// <inheritdoc />
    public async Task<ToolCommandResult> ArchiveAsync(string reason)
    {
        if (!Exists)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Archived)
        {
            return Result(true, "the tool was already archived");
        }

        await TakeOutOfServiceAsync(deleted: false, ToolStatus.Active, reason);
        Log.Archived(logger, Name);
        return Result(true, "archived");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> RestoreAsync(string reason)
    {
        if (!Exists)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (!State.Archived)
        {
            return Result(true, "the tool is in service; nothing to restore");
        }

        var from = State.Deleted ? ToolStatus.Deleted : ToolStatus.Archived;
        State.Archived = false;
        State.Deleted = false;
        State.Stamp++;
        await WriteStateAsync();
        if (State.ActiveVersion is not null)
        {
            await EnsureReminderAsync();
        }

        await RecordEventAsync("restored", from, ToolStatus.Active, State.ActiveVersion, new { reason });
        Log.Restored(logger, Name, from, reason);
        return Result(true, from == ToolStatus.Deleted ? "restored (it was deleted)" : "restored (it was archived)");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> MarkDeletedAsync(string reason)
    {
        if (!Exists)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Deleted)
        {
            return Result(true, "the tool was already deleted");
        }

        await TakeOutOfServiceAsync(deleted: true, State.Archived ? ToolStatus.Archived : ToolStatus.Active, reason);
        Log.MarkedDeleted(logger, Name, reason);
        return Result(true, "deleted");
    }

    /// <summary>Whether any version was ever registered under this name.</summary>
    private bool Exists => State.LatestVersion != 0 || State.Versions.Count != 0;

    /// <summary>
    /// Archives the tool, or deletes it: monitoring and any live shadow end, the state is written before the
    /// health-check reminder goes (a failure in between leaves the tool out of service, not half in), then the event.
    /// </summary>
    private async Task TakeOutOfServiceAsync(bool deleted, ToolStatus from, string reason)
    {
        var what = deleted ? "deleted" : "archived";
        await EndMonitoringAsync(MonitoringStatus.Aborted, $"the tool was {what}");
        await CancelShadowAsync($"the tool was {what}");
        State.Archived = true;
        State.Deleted = deleted;
        State.Stamp++;
        await WriteStateAsync();
        if (await this.GetReminder(HealthCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderRegistered = false;
        await WriteStateAsync();
        await RecordEventAsync(what, from, deleted ? ToolStatus.Deleted : ToolStatus.Archived, State.ActiveVersion, new { reason });
    }
}
