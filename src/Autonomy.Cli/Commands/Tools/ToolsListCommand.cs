using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools list</c>: every tool with its health and versions.</summary>
internal static class ToolsListCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List every tool: health, active, pinned and latest version, archived, recent success rate.") { json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var entries = await client.GetGrain<IToolCatalogGrain>(IToolCatalogGrain.Key).ListToolsAsync(cancellationToken);
            var tools = entries.Select(ToolRow.From).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, new ListReport(tools));
                return ExitCodes.Ok;
            }

            if (tools.Count == 0)
            {
                cli.Output.WriteLine("No tools yet; 'autonomy tools add <file.cs>' registers one.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("TOOL", "HEALTH", "ACTIVE", "PINNED", "LATEST", "ARCHIVED", "SUCCESS", "JUDGED", "UPDATED");
            foreach (var tool in tools)
            {
                table.Add(
                    tool.Name,
                    tool.Health.ToString(),
                    Formats.Version(tool.ActiveVersion),
                    Formats.Version(tool.PinnedVersion),
                    Formats.Version(tool.LatestVersion),
                    Formats.YesNo(tool.Archived),
                    Formats.Rate(tool.Window?.SuccessRate),
                    tool.Window is { } w ? Formats.Number(w.Successes + w.ToolFailures) : "0",
                    Formats.Time(tool.UpdatedAt));
            }

            table.Write(cli.Output);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>What <c>tools list --json</c> prints.</summary>
    internal sealed record ListReport(IReadOnlyList<ToolRow> Tools);

    /// <summary>One tool in <c>tools list --json</c>.</summary>
    internal sealed record ToolRow(
        string Name,
        ToolHealth Health,
        int? ActiveVersion,
        int? PreviousVersion,
        int? PinnedVersion,
        bool Archived,
        int LatestVersion,
        long VersionCount,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        ToolJson.Window? Window)
    {
        public static ToolRow From(ToolCatalogEntry entry) => new(
            entry.Name,
            entry.Health,
            entry.ActiveVersion,
            entry.PreviousVersion,
            entry.PinnedVersion,
            entry.Archived,
            entry.LatestVersion,
            entry.VersionCount,
            entry.CreatedAt,
            entry.UpdatedAt,
            ToolJson.Window.Of(entry.ActiveWindow));
    }
}
