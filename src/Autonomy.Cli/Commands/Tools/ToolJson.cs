using Autonomy.Abstractions.Grains;

namespace Autonomy.Cli.Commands.Tools;

/// <summary>The JSON shapes the tools commands share; the CLI owns them, so grain records can change behind them.</summary>
internal static class ToolJson
{
    /// <summary>One version's counts over a window.</summary>
    internal sealed record Window(int Version, long Successes, long ToolFailures, long InvalidInputs, double? SuccessRate, DateTimeOffset From, DateTimeOffset To)
    {
        public static Window? Of(VersionWindow? window) => window is null
            ? null
            : new Window(window.Version, window.Successes, window.ToolFailures, window.InvalidInputs, window.SuccessRate, window.From, window.To);
    }

    /// <summary>What a command on a tool did (rollback, pin, unpin).</summary>
    internal sealed record CommandReport(string Tool, bool Succeeded, string Message, int? ActiveVersion, int? PinnedVersion)
    {
        public static CommandReport From(string tool, ToolCommandResult result) =>
            new(tool, result.Succeeded, result.Message, result.ActiveVersion, result.PinnedVersion);
    }
}
