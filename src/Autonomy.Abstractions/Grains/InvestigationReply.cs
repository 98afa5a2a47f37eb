namespace Autonomy.Abstractions.Grains;

/// <summary>The answer to an investigation request.</summary>
/// <param name="Status">Whether there is a report, and if not, why.</param>
/// <param name="Report">The report, when <paramref name="Status"/> is <see cref="InvestigationStatus.Completed"/>.</param>
/// <param name="Message">Why there is no report, in words, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.investigation-reply")]
public sealed record InvestigationReply(
    [property: Id(0)] InvestigationStatus Status,
    [property: Id(1)] InvestigationSummary? Report,
    [property: Id(2)] string? Message);
