namespace Autonomy.Benchmarks.Analysis;

/// <summary>A clock the benchmark sets: stores stamp rows with it and the analyzer's window ends at it.</summary>
internal sealed class BenchmarkClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
