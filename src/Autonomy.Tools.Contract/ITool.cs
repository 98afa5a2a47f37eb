using System.Text.Json.Nodes;

namespace Autonomy.Tools;

/// <summary>
/// A tool: a small program that takes JSON and returns JSON. A tool source file holds exactly one public,
/// non-abstract class that implements this interface and carries a <see cref="ToolAttribute"/>.
/// </summary>
public interface ITool
{
    /// <summary>Runs the tool once.</summary>
    /// <param name="input">The caller's JSON input, already parsed and checked against the declared input schema.</param>
    /// <param name="context">Cancellation, the per-execution log and the clock.</param>
    /// <returns>The JSON result. It is checked against the declared output schema, if any.</returns>
    Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context);
}
