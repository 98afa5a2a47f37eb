namespace Autonomy.Abstractions.Grains;

/// <summary>What one health check found and did.</summary>
/// <param name="Health">The tool's health.</param>
/// <param name="Current">The active version's window.</param>
/// <param name="Baseline">The baseline (previous) version's window.</param>
/// <param name="Regression">Whether the active version regressed against the baseline.</param>
/// <param name="RolledBackTo">The version restored by an automatic rollback, if one happened.</param>
/// <param name="Message">A one-line summary.</param>
[GenerateSerializer, Immutable, Alias("autonomy.health-check-report")]
public sealed record HealthCheckReport(
    [property: Id(0)] ToolHealth Health,
    [property: Id(1)] VersionWindow? Current,
    [property: Id(2)] VersionWindow? Baseline,
    [property: Id(3)] bool Regression,
    [property: Id(4)] int? RolledBackTo,
    [property: Id(5)] string Message);
