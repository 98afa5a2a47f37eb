using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools versions &lt;name&gt;</c>: a tool's whole version history from the version store.</summary>
internal static class ToolsVersionsCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var json = CommonOptions.Json();
        var command = new Command("versions", "List every version of a tool, oldest first, marking the active, previous and pinned ones.") { name, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            var description = await ToolLookup.DescribeAsync(cli, client, tool);
            if (description is null)
            {
                return ExitCodes.NotFound;
            }

            var versions = await client.GetGrain<IVersionHistoryGrain>(0).ListAsync(tool, cancellationToken);
            var report = new VersionsReport(
                tool,
                description.ActiveVersion,
                description.PreviousVersion,
                description.PinnedVersion,
                [.. versions.Select(v => new VersionRow(v.Version, v.SourceHash, v.Author, v.Reason, v.CreatedAt, v.ParentVersion, v.AttemptId, v.Tests, v.LivePeriods))]);
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, report);
                return ExitCodes.Ok;
            }

            var table = new TextTable("VERSION", "STATE", "CREATED", "AUTHOR", "SOURCE", "PARENT", "LIVE", "TESTS", "REASON");
            foreach (var v in report.Versions)
            {
                table.Add(
                    Formats.Version(v.Version),
                    State(report, v.Version),
                    Formats.Time(v.CreatedAt),
                    v.Author,
                    Formats.Hash(v.SourceHash),
                    Formats.Version(v.ParentVersion),
                    Live(v.LivePeriods),
                    v.Tests.Count == 0 ? "-" : string.Join(",", v.Tests.Select(t => t.Kind + (t.Passed ? "✓" : "✗"))),
                    v.Reason);
            }

            table.Write(cli.Output);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static string State(VersionsReport report, int version)
    {
        var marks = new List<string>();
        if (report.ActiveVersion == version)
        {
            marks.Add("active");
        }

        if (report.PreviousVersion == version)
        {
            marks.Add("previous");
        }

        if (report.PinnedVersion == version)
        {
            marks.Add("pinned");
        }

        return marks.Count == 0 ? "-" : string.Join(",", marks);
    }

    /// <summary>What <c>tools versions --json</c> prints.</summary>
    internal sealed record VersionsReport(string Tool, int? ActiveVersion, int? PreviousVersion, int? PinnedVersion, IReadOnlyList<VersionRow> Versions);

    /// <summary>When a version went live, and how it ended: <c>since</c> for the active one, the last span's end otherwise.</summary>
    private static string Live(IReadOnlyList<VersionLiveSpan> spans) => spans.Count switch
    {
        0 => "never",
        _ when spans[^1].To is null => "since " + Formats.Time(spans[^1].From),
        _ => $"{Formats.Time(spans[0].From)} → {Formats.Time(spans[^1].To)}{(spans.Count > 1 ? $" ({spans.Count}×)" : string.Empty)}",
    };

    /// <summary>One version in <c>tools versions --json</c>, with the attempt that produced it, its tests and its live periods.</summary>
    internal sealed record VersionRow(
        int Version,
        string SourceHash,
        string Author,
        string Reason,
        DateTimeOffset CreatedAt,
        int? ParentVersion,
        long? AttemptId,
        IReadOnlyList<VersionTestSummary> Tests,
        IReadOnlyList<VersionLiveSpan> LivePeriods);
}
