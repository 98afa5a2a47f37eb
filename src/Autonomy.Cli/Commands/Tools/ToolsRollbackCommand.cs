using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools rollback &lt;name&gt; [--to N]</c>: makes an older version active again.</summary>
internal static class ToolsRollbackCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var to = new Option<int?>("--to") { Description = "The version to make active (default: the previous version)." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded with the rollback)." };
        var json = CommonOptions.Json();
        var command = new Command("rollback", "Roll a tool back to its previous version, or to --to N; recorded as an event, history is never edited.")
        {
            name, to, reason, json,
        };

        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            if (await ToolLookup.DescribeAsync(cli, client, tool) is null)
            {
                return ExitCodes.NotFound;
            }

            var result = await client.GetGrain<IToolGrain>(tool).RollbackAsync(parse.GetValue(to), parse.GetValue(reason) ?? "manual rollback (autonomy tools rollback)");
            return ToolLookup.Report(cli, parse.GetValue(json), tool, result);
        }, cancellationToken));
        return command;
    }
}
