using Autonomy.Abstractions.Grains;
using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Lifecycle;

/// <summary>
/// The lifecycle part of the daily maintenance (DESIGN §5.9): syncs the tools folder with the store
/// (<see cref="FolderSyncPlanner"/>), archives unused tools (<see cref="ArchivePolicy"/>), and raises an alert instead
/// of deleting or archiving a valuable tool. It runs inside <c>LoopCoordinatorGrain</c>'s maintenance, of which the
/// cluster has one, so no two silos sync the folder at once. It reads the stores in bulk (usage from the rollups,
/// tools, lifecycle summaries, open alerts) and wakes only the grains of tools in the folder or acted on. Each run
/// takes at most <see cref="LifecycleOptions.MaxActionsPerRun"/> actions and returns one line per thing it did.
/// </summary>
public sealed class LifecycleMaintenance(
    IGrainFactory grains,
    IToolVersionStore versions,
    ILifecycleEventStore lifecycle,
    IExecutionStore executions,
    IAlertStore alerts,
    IOptions<LifecycleOptions> options,
    TimeProvider time,
    ILogger<LifecycleMaintenance> logger)
{
    /// <summary>The most open alerts one run reads back.</summary>
    public const int MaxOpenAlerts = 10_000;

    private readonly LifecycleOptions _options = options.Value;

    /// <summary>Runs folder sync (when a folder is configured) and the archive policy; returns what it did, one line each.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        var usage = (await executions.ReadToolUsageAsync(cancellationToken)).ToDictionary(u => u.ToolName, StringComparer.Ordinal);
        var listings = (await versions.ListToolsAsync(cancellationToken)).ToDictionary(l => l.ToolName, StringComparer.Ordinal);
        var summaries = (await lifecycle.ListSummariesAsync(cancellationToken)).ToDictionary(s => s.ToolName, StringComparer.Ordinal);
        var open = (await alerts.ListOpenAsync(MaxOpenAlerts, cancellationToken)).ToDictionary(a => (a.ToolName, a.Kind));
        var runner = new LifecycleActionRunner(grains, versions, lifecycle, alerts, _options.MaxActionsPerRun, logger);
        var lines = new List<string>();
        var synced = new HashSet<string>(StringComparer.Ordinal);

        if (_options.SyncsFolder)
        {
            var plan = await PlanFolderSyncAsync(now, usage, listings, summaries, open, cancellationToken);
            lines.AddRange(plan.Notes);
            foreach (var action in plan.Actions)
            {
                synced.Add(action.ToolName);
                await runner.RunAsync(action, plan.Directory, lines, cancellationToken);
            }
        }

        var activity = listings.Values
            .Where(l => !synced.Contains(l.ToolName))
            .Select(l => new ToolActivity(
                l.ToolName,
                summaries.GetValueOrDefault(l.ToolName)?.CurrentStatus ?? ToolStatus.Active,
                Later(l.UpdatedAt, summaries.GetValueOrDefault(l.ToolName)?.LastEventAt),
                usage.GetValueOrDefault(l.ToolName),
                open.GetValueOrDefault((l.ToolName, LifecycleAlertKinds.ArchiveValuable))));
        foreach (var action in new ArchivePolicy(_options).Plan(activity, now))
        {
            await runner.RunAsync(action, null, lines, cancellationToken);
        }

        if (runner.Deferred > 0)
        {
            lines.Add($"{runner.Deferred} lifecycle action(s) deferred to the next run (at most {_options.MaxActionsPerRun} a run)");
        }

        Log.RunCompleted(logger, runner.Taken, runner.Deferred, time.GetElapsedTime(started));
        return lines;
    }

    private async Task<(IReadOnlyList<LifecycleAction> Actions, IReadOnlyList<string> Notes, string Directory)> PlanFolderSyncAsync(
        DateTimeOffset now,
        Dictionary<string, ToolUsage> usage,
        Dictionary<string, ToolListing> listings,
        Dictionary<string, ToolLifecycleSummary> summaries,
        Dictionary<(string, string), ToolAlert> open,
        CancellationToken cancellationToken)
    {
        ToolFolderScan scan;
        try
        {
            // Reading and parsing every file is I/O and CPU work: off the coordinator's scheduler.
            scan = await Task.Run(() => ToolFolder.ReadAsync(_options.ToolsFolder!, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.FolderUnreadable(logger, _options.ToolsFolder!, ex);
            return ([], [$"the tools folder {_options.ToolsFolder} could not be read: {ex.Message}; nothing synced"], _options.ToolsFolder!);
        }

        var fromFolder = (await lifecycle.ListToolsCreatedForAsync(FolderSyncPlanner.CreationReason, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var renamesPossible = scan.Files.Any(f => !listings.ContainsKey(f.ToolName));
        var valuable = new ValuableToolRule(_options);
        var states = new Dictionary<string, FolderToolState>(StringComparer.Ordinal);
        var named = scan.Files.Select(f => f.ToolName).Where(listings.ContainsKey);
        var gone = fromFolder.Where(n => !scan.Claimed.Contains(n) && listings.ContainsKey(n));
        foreach (var name in named.Concat(gone).Distinct(StringComparer.Ordinal))
        {
            var present = scan.Claimed.Contains(name);
            var deleteAlert = open.GetValueOrDefault((name, LifecycleAlertKinds.DeleteValuable));
            var verdict = valuable.Judge(usage.GetValueOrDefault(name), now);
            if (!present && deleteAlert is null && summaries.GetValueOrDefault(name)?.CurrentStatus == ToolStatus.Deleted)
            {
                // Deleted on an earlier run and still gone: nothing to do, and no grain to wake.
                states[name] = new FolderToolState(name, ToolStatus.Deleted, true, new HashSet<string>(), null, null, null, null, verdict, null);
                continue;
            }

            var description = await grains.GetGrain<IToolGrain>(name).DescribeAsync();
            var active = description.Versions.FirstOrDefault(v => v.Version == description.ActiveVersion);
            var needsRenameKey = !present && renamesPossible;

            // The store's full version list (with sources), read at most once per tool and only when needed.
            var stored = needsRenameKey || !HoldsEveryVersion(description) ? await versions.ListAsync(name, cancellationToken) : null;
            states[name] = new FolderToolState(
                name,
                description.Health == ToolHealth.Deleted ? ToolStatus.Deleted : description.Archived ? ToolStatus.Archived : ToolStatus.Active,
                fromFolder.Contains(name),
                KnownHashes(description, stored),
                description.ActiveVersion,
                active?.SourceHash,
                active?.Author,
                needsRenameKey ? RenameKey(stored!) : null,
                verdict,
                deleteAlert);
        }

        var plan = new FolderSyncPlanner(_options).Plan(scan, states);
        return (plan.Actions, plan.Notes, scan.Directory);
    }

    /// <summary>Whether the grain's version summaries reach back to version 1: it keeps the newest, and past its cap the store has the rest.</summary>
    private static bool HoldsEveryVersion(ToolDescription description) =>
        description.Versions.Count > 0 && description.Versions[0].Version == 1;

    /// <summary>The source hashes of every version of the tool: the grain's summaries, or <paramref name="stored"/> when they do not reach back to version 1.</summary>
    private static IReadOnlySet<string> KnownHashes(ToolDescription description, IReadOnlyList<ToolVersion>? stored) =>
        HoldsEveryVersion(description)
            ? description.Versions.Select(v => v.SourceHash).ToHashSet(StringComparer.Ordinal)
            : stored!.Select(v => v.SourceHash).ToHashSet(StringComparer.Ordinal);

    private static string? RenameKey(IReadOnlyList<ToolVersion> stored)
    {
        // The file held the newest human version (folder versions are human); an autonomous fix after it does not count.
        var human = stored.LastOrDefault(v => v.Author == VersionAuthor.Human);
        return human is null ? null : ToolSourceName.TryRead(human.Source)?.RenameKey;
    }

    private static DateTimeOffset Later(DateTimeOffset first, DateTimeOffset? second) =>
        second is { } other && other > first ? other : first;
}
