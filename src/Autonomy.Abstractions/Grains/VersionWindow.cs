namespace Autonomy.Abstractions.Grains;

/// <summary>One version's counts over a window of metric buckets.</summary>
/// <param name="Version">The version.</param>
/// <param name="Successes">Successful executions.</param>
/// <param name="ToolFailures">Executions that count against the tool.</param>
/// <param name="InvalidInputs">Executions the caller's input broke (not counted against the tool).</param>
/// <param name="From">Start of the oldest bucket.</param>
/// <param name="To">End of the newest bucket.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-window")]
public sealed record VersionWindow(
    [property: Id(0)] int Version,
    [property: Id(1)] long Successes,
    [property: Id(2)] long ToolFailures,
    [property: Id(3)] long InvalidInputs,
    [property: Id(4)] DateTimeOffset From,
    [property: Id(5)] DateTimeOffset To)
{
    /// <summary>Executions that count for the success rate (success and tool failures).</summary>
    public long Judged => Successes + ToolFailures;

    /// <summary>Successes over judged executions, or null with none.</summary>
    public double? SuccessRate => Judged == 0 ? null : (double)Successes / Judged;
}
