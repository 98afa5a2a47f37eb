using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Commands.Tools;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Improvement;

/// <summary>
/// <c>autonomy attempts [tool] [--limit N] [--json]</c>: a tool's recorded improvement attempts, newest first; with no
/// tool, the attempts across tools that wait for a person's approval (<c>autonomy approve</c>).
/// </summary>
internal static class AttemptsCommand
{
    /// <summary>How many attempts are listed by default.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The most attempts the cluster lists.</summary>
    public const int MaxLimit = 100;

    /// <summary>The longest verdict shown in the table; <c>--json</c> has it whole.</summary>
    public const int MaxVerdictColumn = 80;

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var tool = new Argument<string?>("tool") { Description = "The tool's name; without it, the attempts awaiting approval across tools.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int?>("--limit") { Description = $"List the newest N attempts (1 to {MaxLimit}; default {DefaultLimit})." };
        var json = CommonOptions.Json();
        var command = new Command("attempts", "List a tool's improvement attempts, newest first (status, versions, generator, candidates tried, time, verdict), or with no tool the attempts awaiting approval.")
        {
            tool, limit, json,
        };
        connection.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(tool);
            var count = parse.GetValue(limit) ?? DefaultLimit;
            if (count is < 1 or > MaxLimit)
            {
                cli.Error.WriteLine($"autonomy attempts: --limit must be 1 to {MaxLimit}, not {count}.");
                return ExitCodes.UsageError;
            }

            if (name is not null && string.IsNullOrWhiteSpace(name))
            {
                cli.Error.WriteLine("autonomy attempts: the tool name is empty; leave it out to list the attempts awaiting approval.");
                return ExitCodes.UsageError;
            }

            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                if (name is null)
                {
                    var waiting = await client.GetGrain<IApprovalGrain>(0).ListAwaitingAsync(count, cancellationToken);
                    if (parse.GetValue(json))
                    {
                        CliJson.Write(cli.Output, new ImprovementJson.AttemptsReport(null, [.. waiting.Select(ImprovementJson.AttemptRow.From)]));
                        return ExitCodes.Ok;
                    }

                    if (waiting.Count == 0)
                    {
                        cli.Output.WriteLine("no improvement attempt waits for approval; 'autonomy attempts <tool>' lists a tool's attempts");
                        return ExitCodes.Ok;
                    }

                    var pending = new TextTable("ID", "TOOL", "WAITING SINCE", "VERSIONS", "GENERATOR", "WHY");
                    foreach (var attempt in waiting)
                    {
                        pending.Add(
                            attempt.Id.ToString(CultureInfo.InvariantCulture),
                            attempt.ToolName,
                            Formats.Time(attempt.CompletedAt ?? attempt.StartedAt),
                            $"{Formats.Version(attempt.BaseVersion)} → {Formats.Version(attempt.CandidateVersion)}",
                            attempt.Generator,
                            Shorten(attempt.Error));
                    }

                    pending.Write(cli.Output);
                    cli.Output.WriteLine("'autonomy approve <id>' deploys a candidate; 'autonomy tools diff <tool> <v1> <v2>' shows its change");
                    return ExitCodes.Ok;
                }

                var attempts = await client.GetGrain<IImprovementGrain>(name).ListAttemptsAsync(count, cancellationToken);
                if (attempts.Count == 0 && await ToolLookup.DescribeAsync(cli, client, name) is null)
                {
                    return ExitCodes.NotFound;
                }

                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new ImprovementJson.AttemptsReport(name, [.. attempts.Select(ImprovementJson.AttemptRow.From)]));
                    return ExitCodes.Ok;
                }

                var table = new TextTable("ID", "STARTED", "STATUS", "VERSIONS", "GENERATOR", "CANDIDATES", "TIME", "VERDICT");
                foreach (var attempt in attempts)
                {
                    table.Add(
                        attempt.Id.ToString(CultureInfo.InvariantCulture),
                        Formats.Time(attempt.StartedAt),
                        ImprovementWriter.Status(attempt.Status),
                        $"{Formats.Version(attempt.BaseVersion)} → {Formats.Version(attempt.CandidateVersion)}",
                        attempt.Generator,
                        attempt.CandidatesTried.ToString(CultureInfo.InvariantCulture),
                        attempt.Elapsed is { } elapsed ? Formats.Period(TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds, 1))) : null,
                        Shorten(attempt.Error is { } error && attempt.Status is ImprovementAttemptStatus.Rejected or ImprovementAttemptStatus.AwaitingApproval ? error : attempt.Verdict));
                }

                if (table.Count == 0)
                {
                    cli.Output.WriteLine($"{name}: no improvement attempts yet; 'autonomy improve {name}' runs one");
                    return ExitCodes.Ok;
                }

                table.Write(cli.Output);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static string? Shorten(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxVerdictColumn ? line : line[..(MaxVerdictColumn - 1)] + "…";
    }
}
