using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;

namespace Autonomy.Cli.Commands;

/// <summary>
/// <c>autonomy maintenance run [--json]</c>: runs the loop's maintenance now, paused or not (the same as
/// <c>autonomy loop run --maintenance</c>): overdue monitoring sessions, the tools folder sync and the archive policy.
/// </summary>
internal static class MaintenanceCommand
{
    /// <summary>
    /// How long the command waits for the run: a folder sync compiles every new or changed tool file, which on a first
    /// sync of a large folder takes longer than a grain call's default 30 s.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(10);

    public static Command Create(CliContext cli)
    {
        var connection = new ClusterConnectionOptions();
        var command = new Command("maintenance", "Run the loop's maintenance: settle overdue monitoring, sync the tools folder, archive unused tools.")
        {
            Run(cli, connection),
        };
        connection.AddTo(command);
        return command;
    }

    private static Command Run(CliContext cli, ClusterConnectionOptions connection)
    {
        var json = CommonOptions.Json();
        var command = new Command("run", "Run maintenance now, paused or not, and print what it did (as 'loop run --maintenance').") { json };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(
            cli,
            parse,
            connection,
            async client =>
            {
                var result = LoopCommand.MaintenanceReport.From(
                    await client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RunMaintenanceNowAsync());
                if (parse.GetValue(json))
                {
                    CliJson.Write(cli.Output, result);
                }
                else
                {
                    LoopCommand.WriteMaintenance(cli.Output, "maintenance", result);
                }

                return LoopCommand.Finish(cli, result.Error);
            },
            cancellationToken,
            ResponseTimeout));
        return command;
    }
}
