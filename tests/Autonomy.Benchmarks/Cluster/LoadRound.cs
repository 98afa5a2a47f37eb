using System.Diagnostics;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// One round of load: <c>callers</c> concurrent loops, each making one call after the other until the round's
/// time is up. Every call's latency is kept; the round's throughput counts the calls over the time until the last
/// caller finished its last call.
/// </summary>
internal sealed class LoadRound
{
    private LoadRound(int calls, TimeSpan elapsed, long[] latencyTicks)
    {
        Calls = calls;
        Elapsed = elapsed;
        LatencyTicks = latencyTicks;
    }

    public int Calls { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Every call's latency in <see cref="Stopwatch"/> ticks, unsorted.</summary>
    public long[] LatencyTicks { get; }

    public double Throughput => Calls / Elapsed.TotalSeconds;

    /// <summary>Runs a round; <paramref name="call"/> gets the caller's index and throws when a call went wrong.</summary>
    public static async Task<LoadRound> RunAsync(int callers, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<long>[callers];
        var start = Stopwatch.GetTimestamp();
        var stop = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = new Task[callers];
        for (var caller = 0; caller < callers; caller++)
        {
            var index = caller;
            loops[index] = Task.Run(async () =>
            {
                var own = new List<long>(4096);
                latencies[index] = own;
                long now;
                while ((now = Stopwatch.GetTimestamp()) < stop)
                {
                    await call(index);
                    own.Add(Stopwatch.GetTimestamp() - now);
                }
            });
        }

        await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadRound(all.Length, elapsed, all);
    }
}
