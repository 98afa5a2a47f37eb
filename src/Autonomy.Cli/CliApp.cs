using System.CommandLine;
using Autonomy.Cli.Commands;
using Autonomy.Cli.Commands.Discovery;
using Autonomy.Cli.Commands.Improvement;
using Autonomy.Cli.Commands.Tools;

namespace Autonomy.Cli;

/// <summary>The <c>autonomy</c> command line: builds the command tree and runs it.</summary>
internal static class CliApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="environment">Reads environment variables (the process's when null).</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default, Func<string, string?>? environment = null)
    {
        using var cli = new CliContext(output, error, environment);
        var root = new RootCommand("autonomy: administer an Autonomy.Orleans cluster and its self-healing tools.")
        {
            CheckCommand.Create(cli),
            ExecCommand.Create(cli),
            ToolsCommand.Create(cli),
            FeedbackCommand.Create(cli),
            LoopCommand.Create(cli),
            InvestigateCommand.Create(cli),
            ImproveCommand.Create(cli),
            AttemptsCommand.Create(cli),
            ApproveCommand.Create(cli),
            SearchCommand.Create(cli),
            DuplicatesCommand.Create(cli),
            AlertsCommand.Create(cli),
            MaintenanceCommand.Create(cli),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"autonomy: {parseError.Message}");
            }

            error.WriteLine("Run 'autonomy --help' for usage.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
