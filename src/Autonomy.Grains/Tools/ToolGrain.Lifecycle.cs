using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tools;

/// <summary>The tool grain's lifecycle: archive, restore and delete (decision 0015).</summary>
public sealed partial class ToolGrain
{
    /// <inheritdoc />
    public async Task<ToolCommandResult> ArchiveAsync(string reason)
    {
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Archived)
        {
            return Result(true, "the tool was already archived");
        }

        await EndMonitoringAsync(MonitoringStatus.Aborted, "the tool was archived");
        await CancelShadowAsync("the tool was archived");
        State.Archived = true;
        State.Stamp++;
        await WriteStateAsync();
        if (await this.GetReminder(HealthCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderRegistered = false;
        await WriteStateAsync();
        await RecordEventAsync("archived", ToolStatus.Active, ToolStatus.Archived, State.ActiveVersion, new { reason });
        Log.Archived(logger, Name);
        return Result(true, "archived");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> RestoreAsync(string reason)
    {
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
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
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Deleted)
        {
            return Result(true, "the tool was already deleted");
        }

        var from = State.Archived ? ToolStatus.Archived : ToolStatus.Active;
        await EndMonitoringAsync(MonitoringStatus.Aborted, "the tool was deleted");
        await CancelShadowAsync("the tool was deleted");
        State.Archived = true;
        State.Deleted = true;
        State.Stamp++;
        await WriteStateAsync();
        if (await this.GetReminder(HealthCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderRegistered = false;
        await WriteStateAsync();
        await RecordEventAsync("deleted", from, ToolStatus.Deleted, State.ActiveVersion, new { reason });
        Log.MarkedDeleted(logger, Name, reason);
        return Result(true, "deleted");
    }
}
