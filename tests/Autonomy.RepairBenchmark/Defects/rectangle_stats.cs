using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("rectangle_stats", "Area, perimeter and diagonal of a rectangle.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "width": { "type": "number", "minimum": 0 }, "height": { "type": "number", "minimum": 0 } },
  "required": ["width", "height"]
}
""")]
public sealed class RectangleStatsTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var width = input!["width"]!.GetValue<double>();
        var height = input["height"]!.GetValue<double>();
        var area = width * height;
        var perimeter = 2 * (width + width);
        var diagonal = Math.Sqrt(width * width + height * height);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["area"] = Math.Round(area, 4),
            ["perimeter"] = Math.Round(perimeter, 4),
            ["diagonal"] = Math.Round(diagonal, 4),
            ["square"] = width == height,
        });
    }
}
