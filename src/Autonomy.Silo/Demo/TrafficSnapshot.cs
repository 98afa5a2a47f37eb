using System.Globalization;

namespace Autonomy.Silo.Demo;

/// <summary>The traffic's counts at one moment, or between two moments (<see cref="Since"/>).</summary>
/// <param name="Calls">Calls made.</param>
/// <param name="Succeeded">Calls whose tool succeeded.</param>
/// <param name="Failed">Calls whose outcome counts against the tool.</param>
/// <param name="InvalidInput">Calls whose input the tool refused (the caller's fault).</param>
/// <param name="NotRun">Calls the executor answered without running a tool (unknown, not deployed, archived, unavailable).</param>
/// <param name="CallErrors">Calls that threw.</param>
/// <param name="Feedback">Outputs reported wrong.</param>
/// <param name="FailuresByTool">Failures per tool.</param>
internal sealed record TrafficSnapshot(
    long Calls,
    long Succeeded,
    long Failed,
    long InvalidInput,
    long NotRun,
    long CallErrors,
    long Feedback,
    IReadOnlyDictionary<string, long> FailuresByTool)
{
    /// <summary>No traffic.</summary>
    public static TrafficSnapshot Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>());

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public TrafficSnapshot Since(TrafficSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(
            Calls - earlier.Calls,
            Succeeded - earlier.Succeeded,
            Failed - earlier.Failed,
            InvalidInput - earlier.InvalidInput,
            NotRun - earlier.NotRun,
            CallErrors - earlier.CallErrors,
            Feedback - earlier.Feedback,
            FailuresByTool
                .Select(f => (f.Key, Count: f.Value - earlier.FailuresByTool.GetValueOrDefault(f.Key)))
                .Where(f => f.Count > 0)
                .ToDictionary(f => f.Key, f => f.Count, StringComparer.Ordinal));
    }

    /// <summary>
    /// The one-line summary the progress reporter prints, e.g.
    /// <c>traffic: 600 calls in the last 30 s, 91.5 % succeeded, 12 outputs reported wrong; failures: parse_date 21, roman_numerals 15 (6,000 calls in all)</c>.
    /// </summary>
    /// <param name="period">The period this snapshot covers.</param>
    /// <param name="total">The counts since the traffic started.</param>
    public string Describe(TimeSpan period, TrafficSnapshot total)
    {
        ArgumentNullException.ThrowIfNull(total);
        var culture = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.Append(culture, $"{Calls:N0} calls in the last {period.TotalSeconds:0} s");
        if (Calls > 0)
        {
            text.Append(culture, $", {100.0 * Succeeded / Calls:0.0} % succeeded");
        }

        if (Feedback > 0)
        {
            text.Append(culture, $", {Feedback:N0} outputs reported wrong");
        }

        if (CallErrors > 0)
        {
            text.Append(culture, $", {CallErrors:N0} calls threw");
        }

        text.Append("; failures: ");
        text.Append(FailuresByTool.Count == 0
            ? "none"
            : string.Join(", ", FailuresByTool
                .OrderByDescending(f => f.Value)
                .ThenBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => string.Create(culture, $"{f.Key} {f.Value:N0}"))));
        text.Append(culture, $" ({total.Calls:N0} calls in all)");
        return text.ToString();
    }
}
