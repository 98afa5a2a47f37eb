using Autonomy.Abstractions.Grains;

namespace Autonomy.Cli.Commands.Tools;

/// <summary>Finds a tool through its grain, telling an unknown name apart from a tool that exists.</summary>
internal static class ToolLookup
{
    /// <summary>The tool's description, or null (after writing one line) when no tool has the name.</summary>
    public static async Task<ToolDescription?> DescribeAsync(CliContext cli, IClusterClient client, string name)
    {
        var description = await client.GetGrain<IToolGrain>(name).DescribeAsync();
        if (description.Versions.Count == 0 && description.ActiveVersion is null && !description.Archived)
        {
            cli.Error.WriteLine($"autonomy: no tool is named '{name}'; 'autonomy tools list' shows the tools");
            return null;
        }

        return description;
    }

    /// <summary>Prints what a command on a tool did and returns its exit code.</summary>
    public static int Report(CliContext cli, bool json, string tool, ToolCommandResult result)
    {
        if (json)
        {
            CliJson.Write(cli.Output, ToolJson.CommandReport.From(tool, result));
        }
        else if (result.Succeeded)
        {
            cli.Output.WriteLine($"{tool}: {result.Message} (active {Output.Formats.Version(result.ActiveVersion)}, pinned {Output.Formats.Version(result.PinnedVersion)})");
        }

        if (!result.Succeeded)
        {
            cli.Error.WriteLine($"autonomy: {tool}: {result.Message}");
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Refused;
    }
}
