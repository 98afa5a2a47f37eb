namespace Autonomy.Core.Discovery;

/// <summary>What is known of a tool's use, for <see cref="ConsolidationAdvice"/>.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Executions">Attributable executions over the period the facts cover.</param>
/// <param name="SuccessRate">Successes over those executions, 0 to 1 (0 when there were none).</param>
/// <param name="LastUsed">The last execution, or <see langword="null"/> when never run.</param>
/// <param name="Versions">Versions deployed so far.</param>
/// <param name="Created">When the tool name was first registered, or <see langword="null"/> when unknown.</param>
public sealed record ToolUsageFacts(string Name, long Executions, double SuccessRate, DateTimeOffset? LastUsed, int Versions, DateTimeOffset? Created);
