namespace Autonomy.Abstractions.Grains;

/// <summary>The answer to a request to improve a tool.</summary>
/// <param name="Outcome">What the request came to.</param>
/// <param name="Message">What happened, in one line (why nothing changed, or which version was deployed).</param>
/// <param name="Attempt">The recorded attempt, or null when the request was refused before one started.</param>
/// <param name="ActiveVersion">The tool's active version after the request, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.improvement-reply")]
public sealed record ImprovementReply(
    [property: Id(0)] ImprovementOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] ImprovementAttemptSummary? Attempt,
    [property: Id(3)] int? ActiveVersion);
