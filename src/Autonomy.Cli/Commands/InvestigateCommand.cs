using System.CommandLine;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands;

/// <summary>
/// <c>autonomy investigate &lt;tool&gt; [--window-days N] [--latest] [--json]</c>: a root-cause report on one tool,
/// run now and stored, or the newest stored one.
/// </summary>
internal static class InvestigateCommand
{
    /// <summary>The longest window the cluster accepts, in days.</summary>
    public const int MaxWindowDays = 366;

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var tool = new Argument<string>("tool") { Description = "The tool's name." };
        var windowDays = new Option<int?>("--window-days")
        {
            Description = $"Investigate the last N days (1 to {MaxWindowDays}; default: the cluster's Autonomy:Analysis:WindowDays, 30).",
        };
        var latest = new Option<bool>("--latest") { Description = "Show the newest stored report instead of investigating again." };
        var json = CommonOptions.Json();
        var command = new Command(
            "investigate",
            "Investigate why a tool fails (error clusters and their source lines, input features, onset, caller faults, a suggested repair) and store the report.")
        {
            tool, windowDays, latest, json,
        };
        connection.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(tool)!;
            var days = parse.GetValue(windowDays);
            if (string.IsNullOrWhiteSpace(name))
            {
                cli.Error.WriteLine("autonomy investigate: give a tool name.");
                return ExitCodes.UsageError;
            }

            if (days is { } d && d is < 1 or > MaxWindowDays)
            {
                cli.Error.WriteLine($"autonomy investigate: --window-days must be 1 to {MaxWindowDays}, not {d}.");
                return ExitCodes.UsageError;
            }

            if (days is not null && parse.GetValue(latest))
            {
                cli.Error.WriteLine("autonomy investigate: --window-days does not go with --latest, which shows a stored report.");
                return ExitCodes.UsageError;
            }

            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var grain = client.GetGrain<IInvestigationGrain>(name);
                var reply = parse.GetValue(latest)
                    ? await grain.GetLatestAsync(cancellationToken)
                    : await grain.InvestigateAsync(days, cancellationToken);
                if (reply is not { Status: InvestigationStatus.Completed, Report: { } report })
                {
                    cli.Error.WriteLine($"autonomy: {reply.Message ?? reply.Status.ToString()}");
                    return reply.Status == InvestigationStatus.InvalidRequest ? ExitCodes.UsageError : ExitCodes.NotFound;
                }

                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, InvestigationReport.From(report));
                }
                else
                {
                    InvestigationWriter.Write(cli.Output, report);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>What <c>investigate --json</c> prints: the stored report, with its findings as a JSON object.</summary>
    internal sealed record InvestigationReport(
        long Id,
        string Tool,
        int? Version,
        string Verdict,
        bool ShouldImprove,
        string RootCause,
        double Confidence,
        DateTimeOffset CreatedAt,
        JsonElement Findings)
    {
        public static InvestigationReport From(InvestigationSummary report)
        {
            using var findings = JsonDocument.Parse(report.FindingsJson);
            return new InvestigationReport(
                report.Id,
                report.ToolName,
                report.Version,
                report.Verdict,
                report.ShouldImprove,
                report.RootCause,
                report.Confidence,
                report.CreatedAt,
                findings.RootElement.Clone());
        }
    }
}
