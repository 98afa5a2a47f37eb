namespace Autonomy.Abstractions.Execution;

/// <summary>A line a tool wrote to its log during an execution.</summary>
[GenerateSerializer, Immutable, Alias("autonomy.log-line")]
public sealed record LogLine(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Level,
    [property: Id(2)] string Message);
