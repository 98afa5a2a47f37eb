using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Repair;

/// <summary>A repair attempt on a tool version, recorded in <c>improvement_attempts</c>.</summary>
/// <param name="Attempt">The attempt as stored: in progress when a candidate was accepted (the caller deploys it and records the end), failed otherwise.</param>
/// <param name="Result">What the engine found.</param>
/// <param name="Investigation">The findings the attempt was guided by, or null.</param>
/// <param name="DetailsJson">The attempt's details (generators, candidates tried, time, chosen candidate and diff, verdict) as stored.</param>
public sealed record ImprovementRun(ImprovementAttempt Attempt, RepairResult Result, ToolInvestigation? Investigation, string DetailsJson);
