namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// Waits for a condition another process brings about (a batch written, a reminder fired): probes it until it holds
/// or the deadline passes, and returns the last value either way, for the test to assert on.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> ProbeAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var value = await probe();
        while (!done(value))
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return value;
            }

            value = await probe();
        }

        return value;
    }
}
