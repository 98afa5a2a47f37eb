using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;
using Autonomy.Core.Text;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools diff &lt;name&gt; &lt;v1&gt; &lt;v2&gt;</c>: a unified diff of two stored versions' sources.</summary>
internal static class ToolsDiffCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var from = new Argument<int>("from") { Description = "The old version." };
        var to = new Argument<int>("to") { Description = "The new version." };
        var json = CommonOptions.Json();
        var command = new Command("diff", "Print a unified line diff of two versions' sources (exit 0 whether or not they differ).") { name, from, to, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            var catalog = client.GetGrain<IToolCatalogGrain>(IToolCatalogGrain.Key);
            var old = await catalog.GetVersionSourceAsync(tool, parse.GetValue(from), cancellationToken);
            var @new = await catalog.GetVersionSourceAsync(tool, parse.GetValue(to), cancellationToken);
            if (old is null || @new is null)
            {
                var missing = old is null ? parse.GetValue(from) : parse.GetValue(to);
                cli.Error.WriteLine($"autonomy: tool '{tool}' has no version {missing}; 'autonomy tools versions {tool}' lists them");
                return ExitCodes.NotFound;
            }

            var diff = LineDiff.Unified(old.Source, @new.Source, Label(old), Label(@new));
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, new DiffReport(tool, old.Summary.Version, @new.Summary.Version, old.Summary.SourceHash, @new.Summary.SourceHash, diff.Length == 0, diff));
            }
            else if (diff.Length == 0)
            {
                cli.Output.WriteLine($"{tool}: versions {old.Summary.Version} and {@new.Summary.Version} have the same source");
            }
            else
            {
                cli.Output.Write(diff);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static string Label(ToolVersionSource version) =>
        $"{version.ToolName} v{version.Summary.Version} ({Formats.Hash(version.Summary.SourceHash)}, {Formats.Time(version.Summary.CreatedAt)})";

    /// <summary>What <c>tools diff --json</c> prints: the unified diff as one text, empty when the sources are equal.</summary>
    internal sealed record DiffReport(string Tool, int FromVersion, int ToVersion, string FromSourceHash, string ToSourceHash, bool Identical, string Diff);
}
