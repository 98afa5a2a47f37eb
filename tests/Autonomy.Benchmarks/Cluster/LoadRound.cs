using System.Diagnostics;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// One round of load: <c>callers</c> concurrent loops, each making one call after the other until the round's
/// time is up. Every call's latency is kept; the round's throughput counts the calls over the time until the last
/// caller finished its last call. The process's CPU time and managed allocations over the round are kept too: on a
/// machine whose cores the load saturates, CPU per call is what throughput is the inverse of.
/// </summary>
internal sealed class LoadRound
{
    private LoadRound(int calls, TimeSpan elapsed, long[] latencyTicks, TimeSpan cpu, long allocatedBytes, int gen0Collections, TimeSpan gcPause, long lockContentions, int threads, double machineBusyCores)
    {
        Calls = calls;
        Elapsed = elapsed;
        LatencyTicks = latencyTicks;
        Cpu = cpu;
        AllocatedBytes = allocatedBytes;
        Gen0Collections = gen0Collections;
        GcPause = gcPause;
        LockContentions = lockContentions;
        Threads = threads;
        MachineBusyCores = machineBusyCores;
    }

    public int Calls { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Every call's latency in <see cref="Stopwatch"/> ticks, unsorted.</summary>
    public long[] LatencyTicks { get; }

    public double Throughput => Calls / Elapsed.TotalSeconds;

    /// <summary>The process's CPU time (user and kernel, every thread) during the round.</summary>
    public TimeSpan Cpu { get; }

    /// <summary>Managed bytes the process allocated during the round.</summary>
    public long AllocatedBytes { get; }

    /// <summary>Generation-0 collections during the round.</summary>
    public int Gen0Collections { get; }

    /// <summary>The time the runtime held threads paused for garbage collections during the round.</summary>
    public TimeSpan GcPause { get; }

    /// <summary>Times a thread found a lock taken and had to wait for it, during the round.</summary>
    public long LockContentions { get; }

    /// <summary>The thread pool's threads at the end of the round.</summary>
    public int Threads { get; }

    /// <summary>
    /// The cores the whole machine kept busy (every process and the kernel's own threads, from /proc/stat), or NaN
    /// where there is no /proc/stat. Next to <see cref="Utilization"/>, it shows work done for the process outside
    /// it, such as the kernel writing back the pages of the database file.
    /// </summary>
    public double MachineBusyCores { get; }

    /// <summary>The share of the machine's cores the process kept busy.</summary>
    public double Utilization => Cpu / (Elapsed * Environment.ProcessorCount);

    public double CpuMicrosecondsPerCall => Cpu.TotalMicroseconds / Calls;

    public double AllocatedBytesPerCall => (double)AllocatedBytes / Calls;

    /// <summary>Runs a round; <paramref name="call"/> gets the caller's index and throws when a call went wrong.</summary>
    public static async Task<LoadRound> RunAsync(int callers, TimeSpan duration, Func<int, Task> call)
    {
        var latencies = new List<long>[callers];
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var contentions = Monitor.LockContentionCount;
        var machine = MachineTicks.Read();
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
        var usedCpu = Environment.CpuUsage.TotalTime - cpu;
        var usedBytes = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var usedCollections = GC.CollectionCount(0) - collections;
        var usedPause = GC.GetTotalPauseDuration() - paused;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadRound(all.Length, elapsed, all, usedCpu, usedBytes, usedCollections, usedPause, Monitor.LockContentionCount - contentions, ThreadPool.ThreadCount, MachineTicks.BusyCores(machine, MachineTicks.Read()));
    }
}

/// <summary>The machine's busy and total CPU time from the first line of /proc/stat, in clock ticks.</summary>
internal readonly record struct MachineTicks(long Busy, long Total)
{
    public static MachineTicks? Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            // user nice system idle iowait irq softirq steal ...: idle and iowait are the idle ones.
            var total = fields.Take(8).Sum();
            return new MachineTicks(total - fields[3] - fields[4], total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static double BusyCores(MachineTicks? before, MachineTicks? after) =>
        before is { } b && after is { } a && a.Total > b.Total
            ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) * Environment.ProcessorCount
            : double.NaN;
}
