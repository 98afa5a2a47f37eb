using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools show &lt;name&gt;</c>: one tool's health, versions, monitoring and recent windows.</summary>
internal static class ToolsShowCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a tool: health, active/previous/pinned version, monitoring, recent window per version, deployments.") { name, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            var description = await ToolLookup.DescribeAsync(cli, client, tool);
            if (description is null)
            {
                return ExitCodes.NotFound;
            }

            var report = ShowReport.From(description);
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, report);
            }
            else
            {
                WriteHuman(cli.Output, report);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void WriteHuman(TextWriter output, ShowReport report)
    {
        output.WriteLine($"tool        {report.Name}");
        output.WriteLine($"health      {report.Health}");
        output.WriteLine($"active      {Formats.Version(report.ActiveVersion)} (previous {Formats.Version(report.PreviousVersion)})");
        output.WriteLine($"pinned      {Formats.Version(report.PinnedVersion)}");
        output.WriteLine($"latest      {Formats.Version(report.LatestVersion)}");
        output.WriteLine($"archived    {Formats.YesNo(report.Archived)}");
        output.WriteLine(report.Monitoring is { } m
            ? $"monitoring  {Formats.Version(m.Version)} against {Formats.Version(m.BaselineVersion)} ({Formats.Number(m.BaselineSuccesses)} of {Formats.Number(m.BaselineJudged)} succeeded) from {Formats.Time(m.StartedAt)} to {Formats.Time(m.EndsAt)}, {m.HealthChecks} health checks"
            : "monitoring  -");
        if (report.Monitoring?.LastVerdict is { } verdict)
        {
            output.WriteLine($"last verdict {verdict}");
        }

        if (report.Shadow is { } shadow)
        {
            output.WriteLine($"live shadow {Formats.Version(shadow.CandidateVersion)} beside {Formats.Version(shadow.BaseVersion)}: {shadow.Counts.Agreements} of {shadow.Counts.Judged} agree, {shadow.Counts.CandidateBreaks} broken, {shadow.Counts.CandidateFixes} fixed (target {shadow.Target}, until {Formats.Time(shadow.EndsAt)})");
        }

        if (report.CooldownUntil is { } until)
        {
            output.WriteLine($"cooldown    the loop leaves it alone until {Formats.Time(until)} (an automatic rollback)");
        }

        output.WriteLine($"last check  {Formats.Time(report.LastHealthCheckAt)}");

        output.WriteLine();
        if (report.Windows.Count == 0)
        {
            output.WriteLine("No executions in the current window.");
        }
        else
        {
            var windows = new TextTable("VERSION", "SUCCESSES", "FAILURES", "INVALID-INPUT", "SUCCESS", "FROM", "TO");
            foreach (var w in report.Windows)
            {
                windows.Add(Formats.Version(w.Version), Formats.Number(w.Successes), Formats.Number(w.ToolFailures), Formats.Number(w.InvalidInputs), Formats.Rate(w.SuccessRate), Formats.Time(w.From), Formats.Time(w.To));
            }

            windows.Write(output);
        }

        if (report.Deployments.Count > 0)
        {
            output.WriteLine();
            var deployments = new TextTable("AT", "KIND", "FROM", "TO", "REASON");
            foreach (var d in report.Deployments)
            {
                deployments.Add(Formats.Time(d.At), d.Kind, Formats.Version(d.FromVersion), Formats.Version(d.ToVersion), d.Reason);
            }

            deployments.Write(output);
        }
    }

    /// <summary>What <c>tools show --json</c> prints.</summary>
    internal sealed record ShowReport(
        string Name,
        ToolHealth Health,
        int? ActiveVersion,
        int? PreviousVersion,
        int? PinnedVersion,
        int? LatestVersion,
        bool Archived,
        DateTimeOffset? LastHealthCheckAt,
        MonitoringReport? Monitoring,
        IReadOnlyList<ToolJson.Window> Windows,
        IReadOnlyList<DeploymentReport> Deployments,
        ShadowSummary? Shadow,
        DateTimeOffset? CooldownUntil)
    {
        public static ShowReport From(ToolDescription d) => new(
            d.Name,
            d.Health,
            d.ActiveVersion,
            d.PreviousVersion,
            d.PinnedVersion,
            d.Versions.Count == 0 ? null : d.Versions.Max(v => v.Version),
            d.Archived,
            d.LastHealthCheckAt,
            d.Monitoring is { } m ? new MonitoringReport(m.Version, m.BaselineVersion, m.StartedAt, m.EndsAt, m.HealthChecks, m.BaselineSuccesses, m.BaselineJudged, m.AttemptId, m.LastVerdict) : null,
            [.. d.CurrentWindow.Select(w => ToolJson.Window.Of(w)!)],
            [.. d.Deployments.Select(e => new DeploymentReport(e.Kind, e.FromVersion, e.ToVersion, e.At, e.Reason))],
            d.Shadow,
            d.CooldownUntil);
    }

    /// <summary>The active monitoring session in <c>tools show --json</c>.</summary>
    internal sealed record MonitoringReport(
        int Version, int? BaselineVersion, DateTimeOffset StartedAt, DateTimeOffset EndsAt, int HealthChecks, long BaselineSuccesses, long BaselineJudged, long? AttemptId, string? LastVerdict);

    /// <summary>One deployment event in <c>tools show --json</c>.</summary>
    internal sealed record DeploymentReport(string Kind, int? FromVersion, int ToVersion, DateTimeOffset At, string Reason);
}
