using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("merge_intervals", "Merges overlapping or touching booking intervals [start, end] and gives the total booked length.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "intervals": { "type": "array", "items": { "type": "array", "items": { "type": "number" }, "minItems": 2, "maxItems": 2 } } },
  "required": ["intervals"]
}
""")]
public sealed class MergeIntervalsTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var intervals = input!["intervals"]!.AsArray()
            .Select(i => (Start: i![0]!.GetValue<double>(), End: i[1]!.GetValue<double>()))
            .OrderBy(i => i.Start)
            .ToList();
        var merged = new List<(double Start, double End)>();
        if (intervals.Count > 0)
        {
            var current = intervals[0];
            foreach (var next in intervals.Skip(1))
            {
                if (next.Start <= current.End)
                {
                    current = (current.Start, Math.Max(current.End, next.End));
                }
                else
                {
                    merged.Add(current);
                    current = next;
                }
            }
        }

        var result = new JsonArray();
        foreach (var (start, end) in merged)
        {
            result.Add(new JsonArray(start, end));
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["merged"] = result, ["total"] = merged.Sum(m => m.End - m.Start) });
    }
}
