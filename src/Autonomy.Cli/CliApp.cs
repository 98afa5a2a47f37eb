using System.CommandLine;
using Autonomy.Cli.Commands;

namespace Autonomy.Cli;

/// <summary>The <c>autonomy</c> command line: builds the command tree and runs it.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        using var cli = new CliContext(output, error);
        var root = new RootCommand("autonomy: administer an Autonomy.Orleans cluster and its self-healing tools.")
        {
            CheckCommand.Create(cli),
            ExecCommand.Create(cli),
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
