using System.Globalization;

namespace Autonomy.Core.Analysis;

/// <summary>How findings write numbers in words: invariant culture, percentages as "94 %".</summary>
internal static class FindingText
{
    /// <summary>A rate (0 to 1) as a whole percentage: "94 %".</summary>
    public static string Percent(double rate) => Invariant($"{Math.Round(rate * 100):0} %");

    /// <summary>Formats with the invariant culture, so reports read the same on every silo.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
