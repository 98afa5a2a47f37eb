using Autonomy.Core.Storage;

namespace Autonomy.Core.Analysis;

/// <summary>What an analysis read, for an investigation to reuse: the hourly rollups, the sampled failures and the wrong outputs.</summary>
/// <param name="Rollups">The tool's hourly rollups in the window, every version.</param>
/// <param name="Failures">The newest failures in the window (at most <see cref="AnalysisOptions.FailureSampleSize"/>).</param>
/// <param name="WrongOutputs">Executions in the window that a caller reported wrong.</param>
/// <param name="WrongFeedback">The feedback that reported them.</param>
public sealed record AnalysisSamples(
    IReadOnlyList<ExecutionRollup> Rollups,
    IReadOnlyList<ExecutionRecord> Failures,
    IReadOnlyList<ExecutionRecord> WrongOutputs,
    IReadOnlyList<ToolFeedback> WrongFeedback);
