using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools restore &lt;name&gt; [--reason TEXT] [--json]</c>: brings an archived or deleted tool back into service.</summary>
internal static class ToolsRestoreCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the tool's lifecycle event)." };
        var json = CommonOptions.Json();
        var command = new Command(
            "restore",
            "Restore an archived or deleted tool: it answers again with the version that was active, and its health check runs again.")
        {
            name, reason, json,
        };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            if (await ToolLookup.DescribeAsync(cli, client, tool) is null)
            {
                return ExitCodes.NotFound;
            }

            var why = parse.GetValue(reason) is { Length: > 0 } given ? given : "restored from the command line";
            var result = await client.GetGrain<IToolGrain>(tool).RestoreAsync(why);
            return ToolLookup.Report(cli, parse.GetValue(json), tool, result);
        }, cancellationToken));
        return command;
    }
}
