using Autonomy.Abstractions.Grains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Loop;

/// <summary>
/// Starts the loop when a silo becomes active: asks the coordinator to register its reminders
/// (<see cref="ILoopCoordinatorGrain.EnsureStartedAsync"/>, idempotent, so every silo may ask). A failure is
/// logged and never stops the silo; the next silo start, or an operator's call, starts the loop instead.
/// Disabled by <c>Autonomy:Loop:Enabled = false</c>.
/// </summary>
internal sealed class LoopStartup(
    IGrainFactory grainFactory,
    IOptions<LoopOptions> options,
    ILogger<LoopStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LoopStartup), ServiceLifecycleStage.Active, StartAsync, static _ => Task.CompletedTask);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        try
        {
            var status = await grainFactory.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey)
                .EnsureStartedAsync()
                .WaitAsync(cancellationToken);
            Log.Started(logger, status.ScanPeriod, status.MaintenancePeriod);
        }
#pragma warning disable CA1031 // The loop is an add-on to a silo that serves tools: its failure to start must not fail the silo.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StartFailed(logger, ex);
        }
    }
}
