using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autonomy.Silo.Demo;

/// <summary>
/// The demo's traffic, read from the traffic file (<c>samples/demo/README.md</c> describes its format): per tool, a
/// weight and a weighted list of inputs, some with the output their caller expects.
/// </summary>
/// <param name="Tools">The tools, in the file's order.</param>
internal sealed record TrafficPlan(IReadOnlyList<ToolTraffic> Tools)
{
    // Inputs reach the execution log as written: keep accents and symbols readable there.
    private static readonly JsonSerializerOptions s_writeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The sum of the tools' weights.</summary>
    public double TotalWeight { get; } = Tools.Sum(t => t.Weight);

    /// <summary>Reads and parses a traffic file.</summary>
    /// <exception cref="FormatException">The file is not a traffic file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<TrafficPlan> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken));

    /// <summary>Parses the text of a traffic file.</summary>
    /// <exception cref="FormatException">The text is not a traffic file; the message says where.</exception>
    public static TrafficPlan Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"not JSON: {exception.Message}", exception);
        }

        if (root?["tools"] is not JsonObject tools || tools.Count == 0)
        {
            throw new FormatException("'tools' must be an object with at least one tool");
        }

        var plan = new List<ToolTraffic>();
        foreach (var (name, node) in tools)
        {
            var where = $"tools.{name}";
            if (node is not JsonObject tool)
            {
                throw new FormatException($"{where} must be an object");
            }

            if (tool["inputs"] is not JsonArray inputs || inputs.Count == 0)
            {
                throw new FormatException($"{where}.inputs must be an array with at least one input");
            }

            plan.Add(new ToolTraffic(name, Weight(tool, where), [.. inputs.Select((input, i) => Input(input, $"{where}.inputs[{i}]"))]));
        }

        return new TrafficPlan(plan);
    }

    /// <summary>The plan restricted to the named tools, in the same order.</summary>
    public TrafficPlan Only(IReadOnlySet<string> names) => new([.. Tools.Where(t => names.Contains(t.Name))]);

    /// <summary>Picks a tool by weight.</summary>
    public ToolTraffic Pick(Random random) => PickByWeight(Tools, TotalWeight, t => t.Weight, random);

    /// <summary>Picks an item with a probability proportional to its weight.</summary>
    internal static T PickByWeight<T>(IReadOnlyList<T> items, double total, Func<T, double> weight, Random random)
    {
        var point = random.NextDouble() * total;
        foreach (var item in items)
        {
            point -= weight(item);
            if (point < 0)
            {
                return item;
            }
        }

        // Rounding can leave the point a hair above the last boundary.
        return items[^1];
    }

    private static TrafficInput Input(JsonNode? node, string where)
    {
        if (node is not JsonObject entry || !entry.TryGetPropertyValue("input", out var input))
        {
            throw new FormatException($"{where} must be an object with an 'input'");
        }

        var expected = entry["expected"];
        return new TrafficInput(Json(input), Weight(entry, where), expected is null ? null : Json(expected));
    }

    private static double Weight(JsonObject node, string where)
    {
        if (node["weight"] is not { } value)
        {
            return 1;
        }

        return value is JsonValue number && number.TryGetValue<double>(out var weight) && weight > 0 && double.IsFinite(weight)
            ? weight
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{where}.weight must be a positive number"));
    }

    private static string Json(JsonNode? node) => node?.ToJsonString(s_writeOptions) ?? "null";
}
