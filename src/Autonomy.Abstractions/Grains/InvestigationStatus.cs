namespace Autonomy.Abstractions.Grains;

/// <summary>Whether an investigation request produced a report, and if not, why.</summary>
public enum InvestigationStatus
{
    /// <summary>The reply carries a report.</summary>
    Completed = 0,

    /// <summary>No tool has this name.</summary>
    UnknownTool = 1,

    /// <summary>The tool exists but has no stored report (for <see cref="IInvestigationGrain.GetLatestAsync"/>).</summary>
    NoReport = 2,

    /// <summary>The request was invalid (a window of no days, or one too long); the message says why.</summary>
    InvalidRequest = 3,
}
