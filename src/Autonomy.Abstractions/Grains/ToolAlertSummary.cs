namespace Autonomy.Abstractions.Grains;

/// <summary>An alert for a person, as <c>tool_alerts</c> records it.</summary>
/// <param name="Id">The alert's id, which <c>autonomy alerts ack</c> takes.</param>
/// <param name="ToolName">The tool it is about.</param>
/// <param name="Kind">What kind of alert: <c>delete_valuable</c> or <c>archive_valuable</c> from the lifecycle manager.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="DetailsJson">The evidence, as a JSON document.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="AcknowledgedAt">When a person acknowledged it, or null.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, or null.</param>
/// <param name="ResolvedAt">When it was resolved, or null while open.</param>
/// <param name="Resolution">How it was resolved, or null while open.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-alert-summary")]
public sealed record ToolAlertSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string ToolName,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Message,
    [property: Id(4)] string DetailsJson,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? AcknowledgedAt,
    [property: Id(7)] string? AcknowledgedBy,
    [property: Id(8)] DateTimeOffset? ResolvedAt,
    [property: Id(9)] string? Resolution);
