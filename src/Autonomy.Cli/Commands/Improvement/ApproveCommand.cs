using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Improvement;

/// <summary>
/// <c>autonomy approve &lt;attempt&gt; [--as NAME] [--json]</c>: deploys the candidate of an improvement attempt that
/// waits for approval (no testing strategy could verify it, so the loop would not deploy it on its own).
/// </summary>
internal static class ApproveCommand
{
    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var attempt = new Argument<long>("attempt") { Description = "The attempt's id, as 'autonomy attempts' lists it." };
        var approver = CommonOptions.Actor("approves");
        var json = CommonOptions.Json();
        var command = new Command(
            "approve",
            "Deploy the candidate of an improvement attempt that waits for approval; it is monitored and rolled back on regression like any other deploy.")
        {
            attempt, approver, json,
        };
        connection.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(attempt);
            if (id < 1)
            {
                cli.Error.WriteLine($"autonomy approve: the attempt id must be positive, not {id.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.UsageError;
            }

            var who = CommonOptions.ActorOf(parse, approver);
            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var reply = await client.GetGrain<IApprovalGrain>(0).ApproveAsync(id, who, cancellationToken);
                var tool = reply.Attempt?.ToolName ?? string.Create(CultureInfo.InvariantCulture, $"attempt {id}");
                if (reply.Attempt is null && reply.Outcome == ImprovementOutcome.UnknownTool)
                {
                    cli.Error.WriteLine($"autonomy approve: {reply.Message}");
                    return ExitCodes.NotFound;
                }

                return ImproveCommand.Report(cli, tool, reply, parse.GetValue(json));
            }, cancellationToken);
        });
        return command;
    }
}
