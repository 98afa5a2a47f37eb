using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("statistics", "Computes count, sum, min, max, mean, median, variance and standard deviation of a list of numbers.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "values": { "type": "array", "items": { "type": "number" }, "minItems": 1 },
    "sample": { "type": "boolean", "default": false, "description": "Use the sample (n - 1) variance instead of the population variance." }
  },
  "required": ["values"],
  "additionalProperties": false
}
""")]
[ToolExample("""{"values": [2, 4, 4, 4, 5, 5, 7, 9]}""",
    """{"count": 8, "sum": 40, "min": 2, "max": 9, "mean": 5, "median": 4.5, "variance": 4, "stddev": 2}""")]
[ToolExample("""{"values": [1, 2, 3, 4], "sample": true}""",
    """{"count": 4, "sum": 10, "min": 1, "max": 4, "mean": 2.5, "median": 2.5, "variance": 1.6666666667, "stddev": 1.2909944487}""")]
[ToolExample("""{"values": [7]}""",
    """{"count": 1, "sum": 7, "min": 7, "max": 7, "mean": 7, "median": 7, "variance": 0, "stddev": 0}""")]
public sealed class StatisticsTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var values = input?["values"]?.AsArray().Select(v => v!.GetValue<double>()).ToList()
            ?? throw new InvalidToolInputException("'values' is required.");
        var sample = input?["sample"]?.GetValue<bool>() ?? false;
        if (values.Count == 0)
            throw new InvalidToolInputException("'values' must hold at least one number.");
        if (sample && values.Count < 2)
            throw new InvalidToolInputException("The sample variance needs at least two values.");

        var sorted = values.Order().ToList();
        var n = sorted.Count;
        var mean = values.Average();
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        var squares = values.Sum(v => (v - mean) * (v - mean));
        var variance = squares / (sample ? n - 1 : n);

        context.Log.Info($"{n} values, {(sample ? "sample" : "population")} variance.");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["count"] = n,
            ["sum"] = Round(values.Sum()),
            ["min"] = sorted[0],
            ["max"] = sorted[^1],
            ["mean"] = Round(mean),
            ["median"] = Round(median),
            ["variance"] = Round(variance),
            ["stddev"] = Round(Math.Sqrt(variance)),
        });
    }

    private static double Round(double value) => Math.Round(value, 10);
}
