using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands;

/// <summary><c>autonomy loop status|run|pause|resume</c>: the cluster's improvement loop.</summary>
internal static class LoopCommand
{
    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var command = new Command("loop", "Inspect and steer the improvement loop: status, run (a scan now), pause, resume.")
        {
            Status(cli, connection),
            Run(cli, connection),
            Pause(cli, connection),
            Resume(cli, connection),
        };
        connection.AddTo(command);
        return command;
    }

    private static ILoopCoordinatorGrain Coordinator(IClusterClient client) => client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    private static Command Status(CliContext cli, ClusterConnectionOptions connection)
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Show whether the loop runs, its schedule, its statistics and what the last scan and maintenance found.") { json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
            WriteStatus(cli, parse.GetValue(json), await Coordinator(client).GetStatusAsync()), cancellationToken));
        return command;
    }

    private static Command Run(CliContext cli, ClusterConnectionOptions connection)
    {
        var maintenance = new Option<bool>("--maintenance") { Description = "Run maintenance (sync, archive unused tools) instead of an opportunity scan." };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run an opportunity scan now (or maintenance with --maintenance), paused or not, and print what it found.") { maintenance, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            if (parse.GetValue(maintenance))
            {
                var result = MaintenanceReport.From(await Coordinator(client).RunMaintenanceNowAsync());
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, result);
                }
                else
                {
                    WriteMaintenance(cli.Output, "maintenance", result);
                }

                return Finish(cli, result.Error);
            }

            var scan = ScanReport.From(await Coordinator(client).RunScanNowAsync());
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, scan);
            }
            else
            {
                WriteScan(cli.Output, "scan", scan);
            }

            return Finish(cli, scan.Error);
        }, cancellationToken));
        return command;
    }

    private static Command Pause(CliContext cli, ClusterConnectionOptions connection)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (shown by 'loop status')." };
        var json = CommonOptions.Json();
        var command = new Command("pause", "Pause the loop: scheduled scans and maintenance are skipped until resumed.") { reason, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
            WriteStatus(cli, parse.GetValue(json), await Coordinator(client).PauseAsync(parse.GetValue(reason) ?? "paused from the command line")), cancellationToken));
        return command;
    }

    private static Command Resume(CliContext cli, ClusterConnectionOptions connection)
    {
        var json = CommonOptions.Json();
        var command = new Command("resume", "Resume a paused loop.") { json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
            WriteStatus(cli, parse.GetValue(json), await Coordinator(client).ResumeAsync()), cancellationToken));
        return command;
    }

    /// <summary>A label padded so that the values of the status lines start in one column.</summary>
    private static string Label(string label) => label.PadRight(18);

    internal static int Finish(CliContext cli, string? error)
    {
        if (error is null)
        {
            return ExitCodes.Ok;
        }

        cli.Error.WriteLine($"autonomy: the loop run failed: {error}");
        return ExitCodes.ToolFailed;
    }

    private static int WriteStatus(CliContext cli, bool json, LoopStatus status)
    {
        var report = StatusReport.From(status);
        if (json)
        {
            CliJson.Write(cli.Output, report);
            return ExitCodes.Ok;
        }

        var output = cli.Output;
        output.WriteLine($"{Label("state")}{(report.Paused ? $"paused ({report.PauseReason})" : "running")}");
        output.WriteLine($"{Label("schedule")}scan every {Formats.Period(status.ScanPeriod)}, maintenance every {Formats.Period(status.MaintenancePeriod)}");
        output.WriteLine();
        var s = report.Statistics;
        var table = new TextTable("STATISTIC", "VALUE")
            .Add("cycles completed", Formats.Number(s.CyclesCompleted))
            .Add("opportunities detected", Formats.Number(s.OpportunitiesDetected))
            .Add("improvements attempted", Formats.Number(s.ImprovementsAttempted))
            .Add("improvements deployed", Formats.Number(s.ImprovementsDeployed))
            .Add("improvements failed", Formats.Number(s.ImprovementsFailed))
            .Add("rollbacks triggered", Formats.Number(s.RollbacksTriggered))
            .Add("tools analysed", Formats.Number(s.ToolsAnalyzed))
            .Add("maintenance runs", Formats.Number(s.MaintenanceRuns));
        table.Write(output);
        output.WriteLine();
        output.WriteLine($"{Label("improving")}{(report.Improving.Count == 0 ? "none" : string.Join(", ", report.Improving.Select(i => $"{i.Key} (since {Formats.Time(i.Value)})")))}");
        if (report.CoolingDown.Count > 0)
        {
            output.WriteLine($"{Label("cooling down")}{string.Join(", ", report.CoolingDown.Select(c => $"{c.Key} (until {Formats.Time(c.Value)})"))}");
        }

        if (report.LastScan is { } scan)
        {
            WriteScan(output, "last scan", scan);
        }
        else
        {
            output.WriteLine($"{Label("last scan")}none yet");
        }

        if (report.LastMaintenance is { } maintenance)
        {
            WriteMaintenance(output, "last maintenance", maintenance);
        }
        else
        {
            output.WriteLine($"{Label("last maintenance")}none yet");
        }

        return ExitCodes.Ok;
    }

    private static void WriteScan(TextWriter output, string label, ScanReport scan)
    {
        var what = scan.Skipped ? "skipped (the loop is paused)" : $"{scan.ToolsAnalyzed} tools analysed, {scan.Opportunities.Count} opportunities";
        output.WriteLine($"{Label(label)}{Formats.Time(scan.StartedAt)}, {scan.DurationMilliseconds:0.#} ms: {what}{(scan.Error is null ? string.Empty : $"; error: {scan.Error}")}");
        if (scan.Opportunities.Count > 0)
        {
            var table = new TextTable("TOOL", "SUCCESS", "EXECUTIONS", "FAILURES", "REASON");
            foreach (var o in scan.Opportunities)
            {
                table.Add(o.Tool, Formats.Rate(o.SuccessRate), Formats.Number(o.Executions), Formats.Number(o.Failures), o.Reason);
            }

            table.Write(output);
        }
    }

    internal static void WriteMaintenance(TextWriter output, string label, MaintenanceReport maintenance)
    {
        var what = maintenance.Skipped ? "skipped (the loop is paused)" : $"{maintenance.Actions.Count} actions";
        output.WriteLine($"{Label(label)}{Formats.Time(maintenance.StartedAt)}, {maintenance.DurationMilliseconds:0.#} ms: {what}{(maintenance.Error is null ? string.Empty : $"; error: {maintenance.Error}")}");
        foreach (var action in maintenance.Actions)
        {
            output.WriteLine($"  {action}");
        }
    }

    /// <summary>What <c>loop status|pause|resume --json</c> print.</summary>
    internal sealed record StatusReport(
        bool Paused,
        string? PauseReason,
        double ScanPeriodSeconds,
        double MaintenancePeriodSeconds,
        LoopStatistics Statistics,
        ScanReport? LastScan,
        MaintenanceReport? LastMaintenance,
        IReadOnlyDictionary<string, DateTimeOffset> Improving,
        IReadOnlyDictionary<string, DateTimeOffset> CoolingDown)
    {
        public static StatusReport From(LoopStatus status) => new(
            status.Paused,
            status.PauseReason,
            status.ScanPeriod.TotalSeconds,
            status.MaintenancePeriod.TotalSeconds,
            status.Statistics,
            status.LastScan is { } scan ? ScanReport.From(scan) : null,
            status.LastMaintenance is { } maintenance ? MaintenanceReport.From(maintenance) : null,
            status.Improving ?? new Dictionary<string, DateTimeOffset>(),
            status.CoolingDown ?? new Dictionary<string, DateTimeOffset>());
    }

    /// <summary>What <c>loop run --json</c> prints, and the last scan in <c>loop status --json</c>.</summary>
    internal sealed record ScanReport(
        DateTimeOffset StartedAt, double DurationMilliseconds, bool Skipped, int ToolsAnalyzed, IReadOnlyList<OpportunityReport> Opportunities, string? Error)
    {
        public static ScanReport From(LoopScanResult scan) => new(
            scan.StartedAt,
            scan.Duration.TotalMilliseconds,
            scan.Skipped,
            scan.ToolsAnalyzed,
            [.. scan.Opportunities.Select(o => new OpportunityReport(o.ToolName, o.Reason, o.SuccessRate, o.Executions, o.Failures))],
            scan.Error);
    }

    /// <summary>One tool a scan found worth improving.</summary>
    internal sealed record OpportunityReport(string Tool, string Reason, double SuccessRate, long Executions, long Failures);

    /// <summary>What <c>loop run --maintenance --json</c> prints, and the last maintenance in <c>loop status --json</c>.</summary>
    internal sealed record MaintenanceReport(DateTimeOffset StartedAt, double DurationMilliseconds, bool Skipped, IReadOnlyList<string> Actions, string? Error)
    {
        public static MaintenanceReport From(LoopMaintenanceResult maintenance) =>
            new(maintenance.StartedAt, maintenance.Duration.TotalMilliseconds, maintenance.Skipped, maintenance.Actions, maintenance.Error);
    }
}
