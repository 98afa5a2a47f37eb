using System.Diagnostics;

namespace Autonomy.Benchmarks.Analysis;

/// <summary>
/// Times one call and measures its memory: bytes allocated (exact, <see cref="GC.GetTotalAllocatedBytes(bool)"/>),
/// and the peak of the managed heap above what was live before the call, sampled every few milliseconds on another
/// thread (a sampled peak can miss a spike shorter than the interval).
/// </summary>
internal static class MemoryProbe
{
    private const int SampleMilliseconds = 2;

    public sealed record Measurement(double Milliseconds, long AllocatedBytes, long PeakHeapAboveBaselineBytes);

    public static async Task<(T Result, Measurement Measurement)> MeasureAsync<T>(Func<Task<T>> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(false);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak))
                {
                    Volatile.Write(ref peak, now);
                }

                try
                {
                    await Task.Delay(SampleMilliseconds, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var stopwatch = Stopwatch.StartNew();
        var result = await call();
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var last = GC.GetTotalMemory(false);
        await stop.CancelAsync();
        await sampler;
        var top = Math.Max(Volatile.Read(ref peak), last);
        return (result, new Measurement(stopwatch.Elapsed.TotalMilliseconds, allocated, top - baseline));
    }
}
