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
