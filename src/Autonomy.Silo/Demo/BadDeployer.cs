using Autonomy.Abstractions.Grains;
using Microsoft.Extensions.Logging;

namespace Autonomy.Silo.Demo;

/// <summary>
/// The demo's deliberately bad deploy: registers a regressed source of a tool as a human's version and deploys it, so
/// that a newcomer sees monitoring detect the regression and roll it back.
/// </summary>
internal sealed class BadDeployer(IGrainFactory grains, TimeProvider time, ILogger logger)
{
    /// <summary>The author the bad version is registered under.</summary>
    public const string Author = "human";

    /// <summary>The reason the bad version is registered with.</summary>
    public const string Reason = "demo: a deliberately bad deploy, to show that monitoring detects the regression and rolls it back";

    /// <summary>Waits <paramref name="after"/>, then deploys; never throws, and stops quietly when cancelled.</summary>
    public async Task RunAsync(string tool, string file, TimeSpan after, CancellationToken cancellationToken)
    {
        try
        {
            Log.BadDeployScheduled(logger, (int)after.TotalSeconds, tool, file);
            await Task.Delay(after, time, cancellationToken);
            await DeployAsync(tool, file, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.BadDeployFailed(logger, exception, tool);
        }
    }

    /// <summary>Registers and deploys the source in <paramref name="file"/>; returns the deployed version, or null when it did not.</summary>
    public async Task<int?> DeployAsync(string tool, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            Log.BadDeploySkipped(logger, tool, $"there is no {file}");
            return null;
        }

        var grain = grains.GetGrain<IToolGrain>(tool);
        var description = await grain.DescribeAsync();
        if (description.Archived || description.PinnedVersion is not null)
        {
            Log.BadDeploySkipped(logger, tool, description.Archived ? "the tool is archived" : $"the tool is pinned to v{description.PinnedVersion}");
            return null;
        }

        var source = await File.ReadAllTextAsync(file, cancellationToken);
        var registered = await grain.RegisterVersionAsync(source, Author, Reason, cancellationToken);
        if (registered.Version is not { } version)
        {
            Log.BadDeploySkipped(logger, tool, $"its source was rejected: {registered.Message}");
            return null;
        }

        if (description.ActiveVersion == version)
        {
            Log.BadDeploySkipped(logger, tool, $"v{version} is already active");
            return null;
        }

        var deployed = await grain.DeployAsync(version);
        if (!deployed.Succeeded)
        {
            Log.BadDeploySkipped(logger, tool, $"the deploy of v{version} failed: {deployed.Message}");
            return null;
        }

        Log.BadDeployed(logger, tool, version, description.ActiveVersion, file);
        return version;
    }
}
