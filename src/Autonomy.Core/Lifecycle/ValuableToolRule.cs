using System.Globalization;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>
/// Which tools are valuable: those the lifecycle manager does not delete or archive on its own, but raises an alert
/// for. A tool is valuable when it is much used (at least <see cref="LifecycleOptions.ValuableUses"/> executions ever)
/// or recently used (within <see cref="LifecycleOptions.ValuableRecentDays"/>). Both come from the execution rollups
/// (<see cref="IExecutionStore.ReadToolUsageAsync"/>). Dependence by traffic (other tools or agents calling it) is not
/// judged: the rollups do not keep callers, and recent use already covers a tool that something still calls.
/// </summary>
public sealed class ValuableToolRule(LifecycleOptions options)
{
    private readonly LifecycleOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Judges a tool from its usage (null when it never ran) at <paramref name="now"/>.</summary>
    public ValuableVerdict Judge(ToolUsage? usage, DateTimeOffset now)
    {
        if (usage is null)
        {
            return ValuableVerdict.NotUsed;
        }

        var reasons = new List<string>();
        if (usage.Executions >= _options.ValuableUses)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"used {usage.Executions} times (valuable from {_options.ValuableUses})"));
        }

        if (_options.ValuableRecentDays > 0 && usage.LastUsedBy > now - _options.ValuableRecent)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"used in the last {_options.ValuableRecentDays} days (last before {usage.LastUsedBy:yyyy-MM-dd HH:mm} UTC)"));
        }

        return new ValuableVerdict(reasons.Count > 0, usage.Executions, usage.LastUsedBy, reasons);
    }
}
