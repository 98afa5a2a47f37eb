using System.CommandLine;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands;

/// <summary><c>autonomy feedback &lt;execution-id&gt; --correct|--incorrect</c>: says whether an execution's output was right.</summary>
internal static class FeedbackCommand
{
    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var id = new Argument<string>("execution-id") { Description = "The execution's id, as 'tools run' printed it." };
        var correct = new Option<bool>("--correct") { Description = "The output was right." };
        var incorrect = new Option<bool>("--incorrect") { Description = "The output was wrong." };
        var expected = new Option<string?>("--expected") { Description = "The output that was expected, as JSON (with --incorrect); it becomes a test case." };
        var comment = new Option<string?>("--comment") { Description = "A note kept with the feedback." };
        var json = CommonOptions.Json();
        var command = new Command("feedback", "Report whether an execution's output was right; wrong outputs count against the tool's version.")
        {
            id, correct, incorrect, expected, comment, json,
        };
        connection.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Guid.TryParse(parse.GetValue(id), out var executionId) || executionId == Guid.Empty)
            {
                cli.Error.WriteLine($"autonomy feedback: '{parse.GetValue(id)}' is not an execution id (a GUID, as 'tools run' prints it).");
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(correct) == parse.GetValue(incorrect))
            {
                cli.Error.WriteLine("autonomy feedback: give exactly one of --correct or --incorrect.");
                return ExitCodes.UsageError;
            }

            var expectedOutput = parse.GetValue(expected);
            if (expectedOutput is not null)
            {
                if (parse.GetValue(correct))
                {
                    cli.Error.WriteLine("autonomy feedback: --expected goes with --incorrect.");
                    return ExitCodes.UsageError;
                }

                try
                {
                    using var _ = JsonDocument.Parse(expectedOutput);
                }
                catch (JsonException ex)
                {
                    cli.Error.WriteLine($"autonomy feedback: --expected is not JSON: {ex.Message}");
                    return ExitCodes.UsageError;
                }
            }

            var isCorrect = parse.GetValue(correct);
            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var receipt = await client.GetGrain<IToolCatalogGrain>(IToolCatalogGrain.Key)
                    .ReportFeedbackAsync(executionId, isCorrect, expectedOutput, parse.GetValue(comment), cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, new FeedbackReport(executionId, receipt.Status, receipt.Accepted, receipt.ToolName, receipt.Version, isCorrect, receipt.Message));
                }
                else if (receipt.Accepted)
                {
                    cli.Output.WriteLine($"feedback recorded: execution {executionId} of {receipt.ToolName} v{receipt.Version} was {(isCorrect ? "correct" : "incorrect")}");
                }

                if (!receipt.Accepted)
                {
                    cli.Error.WriteLine($"autonomy: {receipt.Message}");
                }

                return receipt.Status switch
                {
                    ExecutionFeedbackStatus.Recorded => ExitCodes.Ok,
                    ExecutionFeedbackStatus.UnknownExecution => ExitCodes.NotFound,
                    _ => ExitCodes.Refused,
                };
            }, cancellationToken);
        });
        return command;
    }

    /// <summary>What <c>feedback --json</c> prints.</summary>
    internal sealed record FeedbackReport(Guid ExecutionId, ExecutionFeedbackStatus Status, bool Accepted, string? Tool, int? Version, bool Correct, string? Message);
}
