namespace Autonomy.Core.Analysis;

/// <summary>Which way a tool's success rate is moving.</summary>
public enum TrendDirection
{
    /// <summary>Too few days with executions to say.</summary>
    InsufficientData,

    /// <summary>No slope distinguishable from zero.</summary>
    Stable,

    /// <summary>The success rate rises by more than twice its standard error.</summary>
    Improving,

    /// <summary>The success rate falls by more than twice its standard error.</summary>
    Worsening,
}

/// <summary>
/// The slope of the daily success rate, from a weighted least-squares line through every day with executions
/// (weights: the day's attributable executions), with its standard error, so that "getting worse" is a
/// judgement with an uncertainty rather than a comparison of two points.
/// </summary>
/// <param name="Direction">The verdict: worsening or improving when the slope is more than two standard errors from zero.</param>
/// <param name="SlopePerDay">The change of the success rate per day (−0.05 is five points worse each day), or null.</param>
/// <param name="StandardError">The slope's standard error, or null.</param>
/// <param name="Days">The days with attributable executions that went into the line.</param>
public sealed record SuccessTrend(TrendDirection Direction, double? SlopePerDay, double? StandardError, int Days);
