namespace Autonomy.Silo.Demo;

/// <summary>One input of a tool's traffic.</summary>
/// <param name="Json">The input document, as JSON text.</param>
/// <param name="Weight">How often it is picked relative to the tool's other inputs.</param>
/// <param name="Expected">The output a caller expects, as JSON text; null when the caller does not know it.</param>
internal sealed record TrafficInput(string Json, double Weight, string? Expected);
