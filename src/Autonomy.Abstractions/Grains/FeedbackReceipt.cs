namespace Autonomy.Abstractions.Grains;

/// <summary>Whether feedback was stored.</summary>
/// <param name="Accepted">Whether it was stored.</param>
/// <param name="Message">Why not, when it was refused.</param>
[GenerateSerializer, Immutable, Alias("autonomy.feedback-receipt")]
public sealed record FeedbackReceipt(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Message);
