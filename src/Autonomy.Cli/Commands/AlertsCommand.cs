using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands;

/// <summary>
/// <c>autonomy alerts [--all] [--limit N] [--json]</c>: the alerts waiting for a person, newest first (with
/// <c>--all</c>, acknowledged and resolved ones too); <c>autonomy alerts ack &lt;id&gt; [--as NAME] [--json]</c>
/// acknowledges one, which lets the deletion or archival it holds back go ahead at the next maintenance run.
/// </summary>
internal static class AlertsCommand
{
    /// <summary>How many alerts are listed by default.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most alerts the cluster lists.</summary>
    public const int MaxLimit = 200;

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var all = new Option<bool>("--all") { Description = "List every alert, acknowledged and resolved ones too." };
        var limit = new Option<int?>("--limit") { Description = $"List the newest N alerts (1 to {MaxLimit}; default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command(
            "alerts",
            "List the alerts waiting for a person, newest first: deletions and archivals of valuable tools that maintenance holds back. 'alerts ack <id>' acknowledges one.")
        {
            all, limit, json, Ack(cli, connection),
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit) ?? DefaultLimit;
            if (count is < 1 or > MaxLimit)
            {
                cli.Error.WriteLine($"autonomy alerts: --limit must be 1 to {MaxLimit}, not {count.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.UsageError;
            }

            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var includeAll = parse.GetValue(all);
                var alerts = await client.GetGrain<IAlertGrain>(IAlertGrain.Key).ListAsync(includeAll, count, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new AlertsReport([.. alerts.Select(AlertRow.From)]));
                    return ExitCodes.Ok;
                }

                if (alerts.Count == 0)
                {
                    cli.Output.WriteLine(includeAll ? "no alerts" : "no alert waits for acknowledgement; 'autonomy alerts --all' lists every alert");
                    return ExitCodes.Ok;
                }

                var table = new TextTable("ID", "TOOL", "KIND", "RAISED", "STATE", "MESSAGE");
                foreach (var alert in alerts)
                {
                    table.Add(alert.Id.ToString(CultureInfo.InvariantCulture), alert.ToolName, alert.Kind, Formats.Time(alert.CreatedAt), State(alert), alert.Message);
                }

                table.Write(cli.Output);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Ack(CliContext cli, ClusterConnectionOptions connection)
    {
        var id = new Argument<long>("id") { Description = "The alert's id, as 'autonomy alerts' lists it." };
        var by = CommonOptions.Actor("acknowledges");
        var json = CommonOptions.Json();
        var command = new Command(
            "ack",
            "Acknowledge an alert: for a valuable tool's deletion or archival, it lets the next maintenance run go ahead.")
        {
            id, by, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var alertId = parse.GetValue(id);
            if (alertId < 1)
            {
                cli.Error.WriteLine($"autonomy alerts ack: the alert id must be positive, not {alertId.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.UsageError;
            }

            var who = CommonOptions.ActorOf(parse, by);
            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var reply = await client.GetGrain<IAlertGrain>(IAlertGrain.Key).AcknowledgeAsync(alertId, who, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new AckReport(reply.Status, reply.Message, reply.Alert is { } a ? AlertRow.From(a) : null));
                }
                else if (reply.Status == AlertAcknowledgementStatus.Acknowledged)
                {
                    cli.Output.WriteLine($"alert {alertId.ToString(CultureInfo.InvariantCulture)} on tool '{reply.Alert?.ToolName}': {reply.Message}");
                }

                if (reply.Status != AlertAcknowledgementStatus.Acknowledged)
                {
                    cli.Error.WriteLine($"autonomy alerts ack: {reply.Message}");
                }

                return reply.Status switch
                {
                    AlertAcknowledgementStatus.Acknowledged => ExitCodes.Ok,
                    AlertAcknowledgementStatus.NotFound => ExitCodes.NotFound,
                    _ => ExitCodes.Refused,
                };
            }, cancellationToken);
        });
        return command;
    }

    private static string State(ToolAlertSummary alert) =>
        alert.ResolvedAt is not null ? "resolved"
        : alert.AcknowledgedBy is { } by ? $"acknowledged by {by}"
        : "open";

    /// <summary>What <c>alerts --json</c> prints.</summary>
    internal sealed record AlertsReport(IReadOnlyList<AlertRow> Alerts);

    /// <summary>What <c>alerts ack --json</c> prints.</summary>
    internal sealed record AckReport(AlertAcknowledgementStatus Status, string Message, AlertRow? Alert);

    /// <summary>One alert in the JSON output; its details are a JSON object, not a string.</summary>
    internal sealed record AlertRow(
        long Id,
        string Tool,
        string Kind,
        string Message,
        System.Text.Json.Nodes.JsonNode? Details,
        DateTimeOffset CreatedAt,
        DateTimeOffset? AcknowledgedAt,
        string? AcknowledgedBy,
        DateTimeOffset? ResolvedAt,
        string? Resolution)
    {
        public static AlertRow From(ToolAlertSummary alert) => new(
            alert.Id,
            alert.ToolName,
            alert.Kind,
            alert.Message,
            System.Text.Json.Nodes.JsonNode.Parse(alert.DetailsJson),
            alert.CreatedAt,
            alert.AcknowledgedAt,
            alert.AcknowledgedBy,
            alert.ResolvedAt,
            alert.Resolution);
    }
}
