using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools pin &lt;name&gt; [N]</c> and <c>autonomy tools unpin &lt;name&gt;</c>.</summary>
internal static class ToolsPinCommands
{
    public static Command CreatePin(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var version = new Argument<int?>("version") { Description = "The version to pin (default: the active one); it is deployed first if needed.", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var command = new Command("pin", "Pin a tool to a version: automatic rollbacks and the improvement loop leave it alone until unpinned.") { name, version, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            if (await ToolLookup.DescribeAsync(cli, client, tool) is null)
            {
                return ExitCodes.NotFound;
            }

            var result = await client.GetGrain<IToolGrain>(tool).PinAsync(parse.GetValue(version));
            return ToolLookup.Report(cli, parse.GetValue(json), tool, result);
        }, cancellationToken));
        return command;
    }

    public static Command CreateUnpin(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var json = CommonOptions.Json();
        var command = new Command("unpin", "Remove a tool's pin.") { name, json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            if (await ToolLookup.DescribeAsync(cli, client, tool) is null)
            {
                return ExitCodes.NotFound;
            }

            var result = await client.GetGrain<IToolGrain>(tool).UnpinAsync();
            return ToolLookup.Report(cli, parse.GetValue(json), tool, result);
        }, cancellationToken));
        return command;
    }
}
