using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Samples;

/// <summary>
/// Registers and deploys every sample tool once the silo is up (it is registered after Orleans, so it starts
/// after the silo). A tool that already has an active version, or is archived, is left alone, so a restart adds
/// no versions. The file name is the tool's name, as the samples' README requires.
/// </summary>
internal sealed class SampleToolLoader(
    IGrainFactory grains,
    IOptions<SampleToolsOptions> options,
    HostStatus status,
    ILogger<SampleToolLoader> logger) : IHostedService
{
    private const string Author = "human";
    private const string Reason = "sample tool loaded at start-up";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var directory = SampleToolDirectory.Resolve(options.Value);
        if (directory is null)
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            Log.SamplesMissing(logger, directory);
            return;
        }

        var loaded = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileNameWithoutExtension(file);
            try
            {
                if (await LoadAsync(name, file, cancellationToken))
                {
                    loaded++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken sample must not keep the silo from starting.
                Log.SampleFailed(logger, exception, name);
            }
        }

        status.SetToolsLoaded(loaded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> LoadAsync(string name, string file, CancellationToken cancellationToken)
    {
        var tool = grains.GetGrain<IToolGrain>(name);
        var description = await tool.DescribeAsync();
        if (description.Archived)
        {
            Log.SampleArchived(logger, name);
            return false;
        }

        if (description.ActiveVersion is { } active)
        {
            Log.SampleAlreadyActive(logger, name, active);
            return true;
        }

        // Registering the newest source again returns that same version, so a start that stopped between
        // register and deploy adds nothing here.
        var source = await File.ReadAllTextAsync(file, cancellationToken);
        var registered = await tool.RegisterVersionAsync(source, Author, Reason, cancellationToken);
        if (registered.Version is not { } version)
        {
            Log.SampleRejected(logger, name, registered.Message ?? "rejected");
            return false;
        }

        var deployed = await tool.DeployAsync(version);
        if (!deployed.Succeeded)
        {
            Log.SampleDeployFailed(logger, name, version, deployed.Message);
            return false;
        }

        Log.SampleDeployed(logger, name, version);
        return true;
    }
}
