using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Improvement;

/// <summary>
/// <c>autonomy improve &lt;tool&gt; [--timeout-seconds N] [--json]</c>: runs one recorded improvement attempt on the
/// tool's active version now, showing its progress, and deploys the fix it finds.
/// </summary>
internal static class ImproveCommand
{
    /// <summary>How long the command waits for the attempt by default: the cluster's budget (120 s) and room to spare.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>The longest wait accepted: the cluster's largest budget (<c>Autonomy:Repair:MaxSeconds</c>) and room to spare.</summary>
    public const int MaxTimeoutSeconds = 4_000;

    /// <summary>How often the progress is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>A progress line whose counts have not changed is printed again after this long, so a person sees it is alive.</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(10);

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var tool = new Argument<string>("tool") { Description = "The tool's name." };
        var timeout = new Option<int?>("--timeout-seconds")
        {
            Description = $"How long to wait for the attempt (1 to {MaxTimeoutSeconds}; default {DefaultTimeoutSeconds}). It must exceed the cluster's Autonomy:Repair:MaxSeconds (120 by default).",
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "improve",
            "Run one improvement attempt on a tool now: investigate, build cases from its history, search for a fix (templates, mutation search, an LLM when configured) and deploy it as an autonomous version.")
        {
            tool, timeout, json,
        };
        connection.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(tool)!;
            if (string.IsNullOrWhiteSpace(name))
            {
                cli.Error.WriteLine("autonomy improve: give a tool name.");
                return ExitCodes.UsageError;
            }

            var seconds = parse.GetValue(timeout) ?? DefaultTimeoutSeconds;
            if (seconds is < 1 or > MaxTimeoutSeconds)
            {
                cli.Error.WriteLine($"autonomy improve: --timeout-seconds must be 1 to {MaxTimeoutSeconds}, not {seconds}.");
                return ExitCodes.UsageError;
            }

            var asJson = parse.GetValue(json);
            return await ClusterRunner.RunAsync(
                cli,
                parse,
                connection,
                async client =>
                {
                    var grain = client.GetGrain<IImprovementGrain>(name);
                    ImprovementReply reply;
                    try
                    {
                        reply = await ImproveWithProgressAsync(cli, grain, name, showProgress: !asJson, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        cli.Error.WriteLine($"autonomy: {name}: no answer within {seconds}s; the attempt may still be running ('autonomy attempts {name}' shows it, --timeout-seconds waits longer)");
                        return ExitCodes.Unavailable;
                    }

                    return Report(cli, name, reply, asJson);
                },
                cancellationToken,
                TimeSpan.FromSeconds(seconds));
        });
        return command;
    }

    /// <summary>The exit code for a reply.</summary>
    public static int ExitCodeOf(ImprovementOutcome outcome) => outcome switch
    {
        ImprovementOutcome.Deployed or ImprovementOutcome.InShadow or ImprovementOutcome.AwaitingApproval => ExitCodes.Ok,
        ImprovementOutcome.UnknownTool => ExitCodes.NotFound,
        ImprovementOutcome.Pinned or ImprovementOutcome.Archived or ImprovementOutcome.NotDeployed or ImprovementOutcome.DeployRefused
            or ImprovementOutcome.CoolingDown => ExitCodes.Refused,
        _ => ExitCodes.ToolFailed,
    };

    private static async Task<ImprovementReply> ImproveWithProgressAsync(
        CliContext cli, IImprovementGrain grain, string name, bool showProgress, CancellationToken cancellationToken)
    {
        var improving = grain.ImproveAsync(cancellationToken);
        if (!showProgress)
        {
            return await improving;
        }

        var time = TimeProvider.System;
        string? lastCounts = null;
        var lastPrinted = time.GetTimestamp();
        while (!improving.IsCompleted)
        {
            await Task.WhenAny(improving, Task.Delay(PollInterval, time, cancellationToken));
            if (improving.IsCompleted || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            ImprovementProgress? progress;
            try
            {
                progress = await grain.GetProgressAsync();
            }
#pragma warning disable CA1031 // Progress is a courtesy: the attempt's own answer reports any real trouble.
            catch (Exception)
#pragma warning restore CA1031
            {
                break;
            }

            if (progress is null)
            {
                continue;
            }

            var counts = $"{progress.Generator}|{progress.Stage}|{progress.CandidatesTried}|{progress.PlausibleFound}";
            if (counts != lastCounts || time.GetElapsedTime(lastPrinted) >= QuietInterval)
            {
                cli.Error.WriteLine(ImprovementWriter.ProgressLine(name, progress));
                lastCounts = counts;
                lastPrinted = time.GetTimestamp();
            }
        }

        return await improving;
    }

    internal static int Report(CliContext cli, string name, ImprovementReply reply, bool asJson)
    {
        var code = ExitCodeOf(reply.Outcome);

        // A refusal before any attempt (unknown, pinned, archived, not deployed) has no report: standard output stays empty.
        if (reply.Attempt is not null)
        {
            if (asJson)
            {
                CliJson.Write(cli.Output, ImprovementJson.ImproveReport.From(name, reply));
            }
            else
            {
                ImprovementWriter.Write(cli.Output, name, reply);
            }
        }

        if (code != ExitCodes.Ok)
        {
            cli.Error.WriteLine($"autonomy: {name}: {reply.Message}");
        }

        return code;
    }
}
