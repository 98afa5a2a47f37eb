using System.CommandLine;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools run &lt;name&gt; --input '&lt;json&gt;'</c>: runs the tool's active version in the cluster.</summary>
internal static class ToolsRunCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var input = new Option<string?>("--input", "-i") { Description = "The input as JSON text; '-' reads it from standard input." };
        var inputFile = new Option<string?>("--input-file") { Description = "Read the input JSON from this file." };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run a tool's active version in the cluster; prints the outcome, the output and the execution id (for feedback).")
        {
            name, input, inputFile, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(input) is null) == (parse.GetValue(inputFile) is null))
            {
                cli.Error.WriteLine("autonomy tools run: give exactly one of --input or --input-file.");
                return ExitCodes.UsageError;
            }

            var inputJson = ExecCommand.ReadInput(cli, parse.GetValue(input), parse.GetValue(inputFile));
            if (inputJson is null)
            {
                return ExitCodes.UsageError;
            }

            var tool = parse.GetValue(name)!;
            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var reply = await client.GetGrain<IToolExecutorGrain>(0).ExecuteAsync(tool, inputJson, cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new RunReport(tool, reply.Status == ToolExecutionStatus.Executed ? reply.ExecutionId : null, reply.Version, reply.Status, reply.Result));
                }
                else if (reply.Status == ToolExecutionStatus.Executed)
                {
                    cli.Output.WriteLine($"execution  {reply.ExecutionId}");
                    cli.Output.WriteLine($"version    v{reply.Version}");
                    ExecCommand.WriteHuman(cli.Output, reply.Result);
                }

                if (reply.Status != ToolExecutionStatus.Executed)
                {
                    cli.Error.WriteLine($"autonomy: {reply.Result.Message ?? reply.Status.ToString()}");
                }

                return reply.Status switch
                {
                    ToolExecutionStatus.Executed => ExitCodes.For(reply.Result.Outcome),
                    ToolExecutionStatus.UnknownTool => ExitCodes.NotFound,
                    ToolExecutionStatus.NotDeployed or ToolExecutionStatus.Archived or ToolExecutionStatus.Deleted => ExitCodes.Refused,
                    _ => ExitCodes.ToolFailed,
                };
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// What <c>tools run --json</c> prints: the execution id (null when the tool did not run), the version that ran,
    /// whether it ran, and the result in the shape <c>exec --json</c> prints.
    /// </summary>
    internal sealed record RunReport(string Tool, Guid? ExecutionId, int Version, ToolExecutionStatus Status, ExecutionResult Result);
}
