namespace Autonomy.Abstractions.Grains;

/// <summary>The answer to acknowledging an alert.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Alert">The alert as it stands now, or null when there is none.</param>
/// <param name="Message">One line for a person: what happens next, or why nothing changed.</param>
[GenerateSerializer, Immutable, Alias("autonomy.alert-acknowledgement")]
public sealed record AlertAcknowledgement(
    [property: Id(0)] AlertAcknowledgementStatus Status,
    [property: Id(1)] ToolAlertSummary? Alert,
    [property: Id(2)] string Message);
