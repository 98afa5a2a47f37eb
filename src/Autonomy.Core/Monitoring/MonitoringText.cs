using System.Globalization;

namespace Autonomy.Core.Monitoring;

/// <summary>How monitoring reasons write numbers: invariant culture, rates with one decimal and their counts.</summary>
internal static class MonitoringText
{
    /// <summary>"70.0 % (21 of 30)".</summary>
    public static string Rate(long successes, long judged) => judged == 0
        ? Invariant($"no judged executions")
        : Invariant($"{100.0 * successes / judged:0.0} % ({successes} of {judged})");

    /// <summary>A rate (0 to 1) as "92.4 %".</summary>
    public static string Percent(double rate) => Percent(rate, "0.0");

    /// <summary>A rate (0 to 1) as a percentage in <paramref name="format"/>: "99 %" for 0.99 in "0.##".</summary>
    public static string Percent(double rate, string format) => (100 * rate).ToString(format, CultureInfo.InvariantCulture) + " %";

    /// <summary>"version 3", or <paramref name="fallback"/> when the number is unknown.</summary>
    public static string Version(int? version, string fallback) => version is { } v ? Invariant($"version {v}") : fallback;

    /// <summary>The new version against the baseline, as the start of every reason.</summary>
    public static string Comparison(RegressionEvidence evidence) => Invariant(
        $"{Version(evidence.CurrentVersion, "the new version")} succeeds {Rate(evidence.CurrentSuccesses, evidence.CurrentJudged)} against {Rate(evidence.BaselineSuccesses, evidence.BaselineJudged)} for {Version(evidence.BaselineVersion, "the baseline")}");

    /// <summary>Formats with the invariant culture, so reasons read the same on every silo.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
