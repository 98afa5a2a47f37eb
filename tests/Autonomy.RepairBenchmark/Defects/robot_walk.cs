using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("robot_walk", "Follows compass moves (N, E, S, W) from the origin; gives the end position and its Manhattan distance.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "moves": { "type": "string", "pattern": "^[NESW]*$" } }, "required": ["moves"] }
""")]
public sealed class RobotWalkTool : ITool
{
    private static readonly Dictionary<char, (int X, int Y)> Steps = new()
    {
        ['N'] = (0, 1),
        ['E'] = (1, 0),
        ['S'] = (0, -1),
        ['W'] = (1, 0),
    };

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var moves = input!["moves"]!.GetValue<string>();
        int x = 0, y = 0;
        foreach (var move in moves)
        {
            var (dx, dy) = Steps[move];
            x += dx;
            y += dy;
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["x"] = x, ["y"] = y, ["distance"] = Math.Abs(x) + Math.Abs(y) });
    }
}
