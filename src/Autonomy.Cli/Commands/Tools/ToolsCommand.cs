using System.CommandLine;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands.Tools;

/// <summary><c>autonomy tools ...</c>: the cluster's tools.</summary>
internal static class ToolsCommand
{
    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var command = new Command("tools", "Manage the cluster's tools: add, list, show, run, versions, diff, rollback, pin, unpin, restore.")
        {
            ToolsAddCommand.Create(cli, connection),
            ToolsListCommand.Create(cli, connection),
            ToolsShowCommand.Create(cli, connection),
            ToolsRunCommand.Create(cli, connection),
            ToolsVersionsCommand.Create(cli, connection),
            ToolsDiffCommand.Create(cli, connection),
            ToolsCompareCommand.Create(cli, connection),
            ToolsRollbackCommand.Create(cli, connection),
            ToolsPinCommands.CreatePin(cli, connection),
            ToolsPinCommands.CreateUnpin(cli, connection),
            ToolsRestoreCommand.Create(cli, connection),
        };
        connection.AddTo(command);
        return command;
    }
}
