using System.CommandLine;
using Orleans.Runtime.Messaging;

namespace Autonomy.Cli.Cluster;

/// <summary>Runs a command's work against the cluster and turns connection trouble into one line and an exit code.</summary>
internal static class ClusterRunner
{
    private const string NoImplementation = "Could not find an implementation for interface";

    /// <summary>
    /// Connects as the options say, runs <paramref name="work"/> and disconnects. No silo, or a connection lost
    /// midway, prints one line and returns <see cref="ExitCodes.Unavailable"/>; an error the cluster answered
    /// with prints one line and returns <see cref="ExitCodes.ClusterError"/>. A <paramref name="responseTimeout"/>
    /// replaces Orleans' default of 30 s for every grain call of the command (<c>improve</c> waits for a whole attempt).
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext cli,
        ParseResult parse,
        ClusterConnectionOptions options,
        Func<IClusterClient, Task<int>> work,
        CancellationToken cancellationToken,
        TimeSpan? responseTimeout = null)
    {
        var target = options.Resolve(parse, cli.Environment, out var usage);
        if (target is null)
        {
            cli.Error.WriteLine($"autonomy: {usage}");
            return ExitCodes.UsageError;
        }

        target = target with { ResponseTimeout = responseTimeout };

        try
        {
            await using var connection = await ClusterConnection.ConnectAsync(target, cancellationToken);
            return await work(connection.Client);
        }
        catch (ClusterUnavailableException ex)
        {
            cli.Error.WriteLine($"autonomy: {ex.Message}");
            return ExitCodes.Unavailable;
        }
        catch (Exception ex) when (ex is SiloUnavailableException or ConnectionFailedException or TimeoutException)
        {
            cli.Error.WriteLine($"autonomy: lost the cluster at {target.Where} (cluster '{target.ClusterId}'): {FirstLine(ex.Message)}");
            return ExitCodes.Unavailable;
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith(NoImplementation, StringComparison.Ordinal))
        {
            // Raised by the client when no silo of the cluster hosts a grain for the interface.
            cli.Error.WriteLine($"autonomy: the cluster at {target.Where} has no grain for {ex.Message[NoImplementation.Length..].Trim()}: its silos are older than this command");
            return ExitCodes.ClusterError;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            cli.Error.WriteLine($"autonomy: the cluster failed the command: {ex.GetType().Name}: {FirstLine(ex.Message)}");
            return ExitCodes.ClusterError;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
