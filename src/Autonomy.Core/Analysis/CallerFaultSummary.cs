namespace Autonomy.Core.Analysis;

/// <summary>The callers' share of what went wrong: invalid input, which never counts against the tool.</summary>
/// <param name="InvalidInput">Executions rejected as invalid input.</param>
/// <param name="ToolFailures">Executions that count against the tool.</param>
/// <param name="CallerShare">Invalid input over everything that went wrong, 0 to 1.</param>
/// <param name="TopMessages">The most common invalid-input messages (normalised), most common first.</param>
public sealed record CallerFaultSummary(long InvalidInput, long ToolFailures, double CallerShare, IReadOnlyList<string> TopMessages);
