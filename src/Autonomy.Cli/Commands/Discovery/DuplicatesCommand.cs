using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Discovery;

/// <summary><c>autonomy duplicates [--limit N] [--diff] [--json]</c>: pairs of tools that do the same job, and which to keep.</summary>
internal static class DuplicatesCommand
{
    /// <summary>Pairs shown by default.</summary>
    public const int DefaultLimit = 20;

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var limit = new Option<int?>("--limit") { Description = $"Show at most N pairs (1 to 100; default {DefaultLimit})." };
        var diff = new Option<bool>("--diff") { Description = "Print each pair's source diff too." };
        var json = CommonOptions.Json();
        var command = new Command(
            "duplicates",
            "List pairs of tools that do the same job, by meaning (embeddings) and by structure (MinHash over normalised Roslyn tokens), side by side, with which to keep and why.")
        {
            limit, diff, json,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit) ?? DefaultLimit;
            if (count is < 1 or > 100)
            {
                cli.Error.WriteLine($"autonomy duplicates: --limit must be 1 to 100, not {count}.");
                return ExitCodes.UsageError;
            }

            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var pairs = await client.GetGrain<IDiscoveryGrain>(0).FindDuplicatesAsync(count, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new DuplicatesReport(pairs));
                    return ExitCodes.Ok;
                }

                if (pairs.Count == 0)
                {
                    cli.Output.WriteLine("no duplicate tools found");
                    return ExitCodes.Ok;
                }

                foreach (var pair in pairs)
                {
                    Write(cli.Output, pair, parse.GetValue(diff));
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static void Write(TextWriter output, DuplicateReport pair, bool withDiff)
    {
        var semantic = pair.SemanticSimilarity is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-";
        output.WriteLine($"{pair.First.Name} ~ {pair.Second.Name}: meaning {semantic}, structure {pair.StructuralSimilarity.ToString("F3", CultureInfo.InvariantCulture)} ({pair.Reason})");
        new TextTable(string.Empty, pair.First.Name, pair.Second.Name)
            .Add("version", Formats.Version(pair.First.Version), Formats.Version(pair.Second.Version))
            .Add("description", pair.First.Description, pair.Second.Description)
            .Add("executions (30 d)", Formats.Number(pair.First.Executions), Formats.Number(pair.Second.Executions))
            .Add("success rate", Formats.Rate(pair.First.SuccessRate), Formats.Rate(pair.Second.SuccessRate))
            .Add("last used", Formats.Time(pair.First.LastUsed), Formats.Time(pair.Second.LastUsed))
            .Add("input schema", pair.First.InputSchema is null ? "-" : "declared", pair.Second.InputSchema is null ? "-" : "declared")
            .Write(output);
        output.WriteLine($"keep {pair.Keep}, retire {pair.Retire}: {pair.Recommendation}");
        if (withDiff && pair.Diff.Length > 0)
        {
            output.WriteLine();
            output.Write(pair.Diff);
        }

        output.WriteLine();
    }

    /// <summary>What <c>duplicates --json</c> prints.</summary>
    internal sealed record DuplicatesReport(IReadOnlyList<DuplicateReport> Pairs);
}
