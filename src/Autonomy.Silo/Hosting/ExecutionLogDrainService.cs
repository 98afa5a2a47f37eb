using Autonomy.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Hosting;

/// <summary>
/// Drains the execution log on graceful shutdown. It is registered ahead of Orleans, and hosted services stop in
/// reverse order, so it runs after the silo has stopped and no execution can be recorded any more.
/// </summary>
internal sealed class ExecutionLogDrainService(
    ExecutionLogWriter writer,
    IOptions<ExecutionLogOptions> options,
    TimeProvider timeProvider,
    ILogger<ExecutionLogDrainService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Draining(logger, writer.QueueDepth);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.ShutdownTimeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            // What is still buffered when the token fires is counted and logged as dropped by the writer.
            await writer.StopAsync(linked.Token);
            var statistics = writer.Statistics;
            Log.Drained(logger, statistics.Written, statistics.Dropped);
        }
        catch (Exception exception) when (exception is OperationCanceledException or StorageUnavailableException)
        {
            Log.DrainFailed(logger, exception);
        }
    }
}
