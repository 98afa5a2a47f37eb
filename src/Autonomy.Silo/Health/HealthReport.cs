namespace Autonomy.Silo.Health;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status"><c>ok</c> while the host runs.</param>
/// <param name="Tools">The sample tools loaded at start-up.</param>
public sealed record HealthReport(string Status, int Tools);
