using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Discovery;

/// <summary><c>autonomy search "&lt;what I need&gt;" [--limit N] [--json]</c>: tools ranked by meaning.</summary>
internal static class SearchCommand
{
    /// <summary>Results shown by default.</summary>
    public const int DefaultLimit = 5;

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var query = new Argument<string>("query") { Description = "What you need, in words: \"convert temperature units\"." };
        var limit = new Option<int?>("--limit") { Description = $"Show the best N tools (1 to 100; default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command("search", "Find tools by meaning: their name, description and schemas, ranked by a local embedding model (offline).")
        {
            query, limit, json,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                cli.Error.WriteLine("autonomy search: say what you need, for example: autonomy search \"convert temperature units\".");
                return ExitCodes.UsageError;
            }

            var count = parse.GetValue(limit) ?? DefaultLimit;
            if (count is < 1 or > 100)
            {
                cli.Error.WriteLine($"autonomy search: --limit must be 1 to 100, not {count}.");
                return ExitCodes.UsageError;
            }

            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var results = await client.GetGrain<IDiscoveryGrain>(0).SearchAsync(text, count, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new SearchReport(text, results));
                    return ExitCodes.Ok;
                }

                if (results.Count == 0)
                {
                    cli.Output.WriteLine("no tools yet; 'autonomy tools add <file.cs>' adds one");
                    return ExitCodes.Ok;
                }

                var table = new TextTable("RANK", "TOOL", "SCORE", "VERSION", "DESCRIPTION");
                var rank = 0;
                foreach (var result in results)
                {
                    table.Add((++rank).ToString(CultureInfo.InvariantCulture), result.Name, result.Score.ToString("F3", CultureInfo.InvariantCulture), Formats.Version(result.Version), result.Description);
                }

                table.Write(cli.Output);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>What <c>search --json</c> prints.</summary>
    internal sealed record SearchReport(string Query, IReadOnlyList<ToolSearchResult> Results);
}
