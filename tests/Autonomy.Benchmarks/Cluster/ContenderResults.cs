using System.Diagnostics;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>The measured rounds of one kind of call on one cluster.</summary>
internal sealed class ContenderResults(string cluster, string call, int callers)
{
    private readonly List<LoadRound> _rounds = [];

    public string Cluster { get; } = cluster;

    public string Call { get; } = call;

    public int Callers { get; } = callers;

    public IReadOnlyList<LoadRound> Rounds => _rounds;

    public double MedianThroughput => Statistics.Median(_rounds.Select(r => r.Throughput));

    /// <summary>The process's CPU time per call, median of the rounds, in microseconds.</summary>
    public double MedianCpuMicrosecondsPerCall => Statistics.Median(_rounds.Select(r => r.CpuMicrosecondsPerCall));

    /// <summary>Managed bytes allocated per call, median of the rounds.</summary>
    public double MedianAllocatedBytesPerCall => Statistics.Median(_rounds.Select(r => r.AllocatedBytesPerCall));

    /// <summary>Generation-0 collections per second, median of the rounds.</summary>
    public double MedianGen0PerSecond => Statistics.Median(_rounds.Select(r => r.Gen0Collections / r.Elapsed.TotalSeconds));

    /// <summary>The share of the round the runtime held threads paused for collections, median of the rounds.</summary>
    public double MedianGcPauseShare => Statistics.Median(_rounds.Select(r => r.GcPause / r.Elapsed));

    /// <summary>The share of the machine's cores the process kept busy, median of the rounds.</summary>
    public double MedianUtilization => Statistics.Median(_rounds.Select(r => r.Utilization));

    /// <summary>Lock contentions per second, median of the rounds.</summary>
    public double MedianContentionsPerSecond => Statistics.Median(_rounds.Select(r => r.LockContentions / r.Elapsed.TotalSeconds));

    /// <summary>The most thread-pool threads at the end of a round.</summary>
    public int MostThreads => _rounds.Max(r => r.Threads);

    /// <summary>The machine's busy cores (every process and the kernel), median of the rounds.</summary>
    public double MedianMachineBusyCores => Statistics.Median(_rounds.Select(r => r.MachineBusyCores));

    public void Add(LoadRound round) => _rounds.Add(round);

    /// <summary>The latency at quantile <paramref name="q"/> over every call of every round, in milliseconds.</summary>
    public double LatencyMilliseconds(double q)
    {
        var all = _rounds.SelectMany(r => r.LatencyTicks).ToArray();
        Array.Sort(all);
        var index = Math.Clamp((int)Math.Ceiling(q * all.Length) - 1, 0, all.Length - 1);
        return all[index] * 1000.0 / Stopwatch.Frequency;
    }
}
