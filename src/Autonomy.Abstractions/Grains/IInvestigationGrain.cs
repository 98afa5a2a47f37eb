using Orleans.Concurrency;

namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Investigates one tool (key: the tool's name) and serves its stored reports. Investigations run here, never in a
/// <see cref="IToolGrain"/> turn, so a tool keeps answering calls while it is investigated; one activation per tool
/// keeps two investigations of the same tool from running at once.
/// </summary>
[Alias("autonomy.investigation")]
public interface IInvestigationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs a new investigation over the last <paramref name="windowDays"/> days (null: the configured default,
    /// <c>Autonomy:Analysis:WindowDays</c>) and stores its report. A window outside 1 to 366 days gives
    /// <see cref="InvestigationStatus.InvalidRequest"/>; a tool with no version, <see cref="InvestigationStatus.UnknownTool"/>.
    /// </summary>
    [Alias("investigate")]
    Task<InvestigationReply> InvestigateAsync(int? windowDays, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest stored report on the tool, without investigating again: <see cref="InvestigationStatus.NoReport"/>
    /// when the tool has none, <see cref="InvestigationStatus.UnknownTool"/> when no tool has the name.
    /// </summary>
    [Alias("get-latest"), ReadOnly]
    Task<InvestigationReply> GetLatestAsync(CancellationToken cancellationToken = default);
}
