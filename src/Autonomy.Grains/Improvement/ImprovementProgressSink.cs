using Autonomy.Abstractions.Grains;
using Autonomy.Core.Repair;

namespace Autonomy.Grains.Improvement;

/// <summary>
/// Keeps the latest progress of one running attempt. The engine reports from the thread pool and the grain reads
/// on its scheduler; each report replaces one immutable snapshot with a single reference write, so a reader sees a
/// whole snapshot, never a torn one.
/// </summary>
internal sealed class ImprovementProgressSink(int baseVersion, TimeProvider time) : IProgress<RepairProgress>
{
    private readonly long _started = time.GetTimestamp();
    private Snapshot _latest = new(null, "investigating and building cases", 0, 0);

    /// <summary>Time since the request started.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    /// <inheritdoc />
    public void Report(RepairProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref _latest, new Snapshot(value.Generator, value.Stage, value.CandidatesTried, value.PlausibleFound));
    }

    /// <summary>Sets what the attempt is doing outside the engine's search (deploying), keeping the counts.</summary>
    public void SetStage(string stage) => Volatile.Write(ref _latest, Volatile.Read(ref _latest) with { Stage = stage });

    /// <summary>The progress now.</summary>
    public ImprovementProgress Read()
    {
        var latest = Volatile.Read(ref _latest);
        return new ImprovementProgress(baseVersion, latest.Generator, latest.Stage, latest.CandidatesTried, latest.PlausibleFound, Elapsed);
    }

    private sealed record Snapshot(string? Generator, string Stage, int CandidatesTried, int PlausibleFound);
}
