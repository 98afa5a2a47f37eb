using System.Globalization;

namespace Autonomy.Core.Discovery;

/// <summary>
/// Recommends which of two duplicate tools to keep. The rules apply in order and the first that separates the two
/// decides: clearly more reliable (when both have enough executions to tell), clearly more used (fewer callers to
/// move), used more recently, older name (callers and prompts are likelier to know it), more versions (more fixes
/// behind it), and last the ordinal order of names so the advice is stable.
/// </summary>
public static class ConsolidationAdvice
{
    /// <summary>Executions each tool needs before success rates are compared.</summary>
    public const long MinimumExecutionsToCompare = 20;

    /// <summary>A success-rate gap below this is treated as noise.</summary>
    public const double SuccessRateMargin = 0.05;

    /// <summary>How many times more executions make one tool "clearly more used".</summary>
    public const double UsageRatio = 1.5;

    /// <summary>A gap in last use below this is treated as the same recency.</summary>
    public static readonly TimeSpan RecencyMargin = TimeSpan.FromDays(30);

    /// <summary>Recommends which tool to keep.</summary>
    /// <exception cref="ArgumentException">Both facts name the same tool.</exception>
    public static ConsolidationRecommendation Recommend(ToolUsageFacts first, ToolUsageFacts second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (string.Equals(first.Name, second.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Both facts are about '{first.Name}'.", nameof(second));
        }

        if (first.Executions >= MinimumExecutionsToCompare && second.Executions >= MinimumExecutionsToCompare
            && Math.Abs(first.SuccessRate - second.SuccessRate) >= SuccessRateMargin)
        {
            var (keep, retire) = Order(first, second, first.SuccessRate > second.SuccessRate);
            return Advise(keep, retire, $"{keep.Name} succeeds {keep.SuccessRate * 100:0}% of the time against {retire.SuccessRate * 100:0}% for {retire.Name}.");
        }

        var more = Math.Max(first.Executions, second.Executions);
        var fewer = Math.Min(first.Executions, second.Executions);
        if (more > 0 && more >= fewer * UsageRatio)
        {
            var (keep, retire) = Order(first, second, first.Executions > second.Executions);
            return Advise(keep, retire, $"{keep.Name} has run {keep.Executions:N0} times against {retire.Executions:N0} for {retire.Name}: fewer callers to move.");
        }

        if (first.LastUsed != second.LastUsed
            && (first.LastUsed is null || second.LastUsed is null || (first.LastUsed.Value - second.LastUsed.Value).Duration() >= RecencyMargin))
        {
            var (keep, retire) = Order(first, second, (first.LastUsed ?? DateTimeOffset.MinValue) > (second.LastUsed ?? DateTimeOffset.MinValue));
            return retire.LastUsed is { } last
                ? Advise(keep, retire, $"{keep.Name} was used more recently ({keep.LastUsed:yyyy-MM-dd} against {last:yyyy-MM-dd}).")
                : Advise(keep, retire, $"{keep.Name} has been used; {retire.Name} never has.");
        }

        if (first.Created is { } firstCreated && second.Created is { } secondCreated && firstCreated != secondCreated)
        {
            var (keep, retire) = Order(first, second, firstCreated < secondCreated);
            return Advise(keep, retire, $"Usage is alike; {keep.Name} is the older name ({keep.Created:yyyy-MM-dd}), so callers are likelier to know it.");
        }

        if (first.Versions != second.Versions)
        {
            var (keep, retire) = Order(first, second, first.Versions > second.Versions);
            return Advise(keep, retire, $"Usage is alike; {keep.Name} has more versions ({keep.Versions} against {retire.Versions}) and so more fixes behind it.");
        }

        var (byName, other) = Order(first, second, string.CompareOrdinal(first.Name, second.Name) < 0);
        return Advise(byName, other, $"Nothing separates them; {byName.Name} comes first by name.");
    }

    private static (ToolUsageFacts Keep, ToolUsageFacts Retire) Order(ToolUsageFacts first, ToolUsageFacts second, bool keepFirst)
        => keepFirst ? (first, second) : (second, first);

    private static ConsolidationRecommendation Advise(ToolUsageFacts keep, ToolUsageFacts retire, FormattableString reason)
        => new(keep.Name, retire.Name, reason.ToString(CultureInfo.InvariantCulture));
}
