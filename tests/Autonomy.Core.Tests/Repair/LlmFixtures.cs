using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;

namespace Autonomy.Core.Tests.Repair;

/// <summary>A small tool with a wrong-variable defect (the area multiplies the width by itself), its fix, and its cases.</summary>
internal static class LlmFixtures
{
    public const string DefectiveLine = "var area = width * width;";

    public const string FixedLine = "var area = width * height;";

    /// <summary>The rectangle tool with <paramref name="areaLine"/> as its area line.</summary>
    public static string Tool(string areaLine) => $$"""
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Tests.Llm;

[Tool("rectangle", "Area and perimeter of a rectangle.")]
public sealed class RectangleTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var width = input!["width"]!.GetValue<int>();
        var height = input!["height"]!.GetValue<int>();
        {{areaLine}}
        var perimeter = 2 * (width + height);
        return Task.FromResult<JsonNode?>(new JsonObject { ["area"] = area, ["perimeter"] = perimeter });
    }
}

""";

    public static string Defective { get; } = Tool(DefectiveLine);

    public static string Fixed { get; } = Tool(FixedLine);

    /// <summary>The input of the first failing case and its expected output.</summary>
    public const string FailingInput = """{"width":2,"height":3}""";

    public const string FailingExpected = """{"area":6,"perimeter":10}""";

    /// <summary>A held-back input the model must never see.</summary>
    public const string HeldBackInput = """{"width":6,"height":2}""";

    /// <summary>Two failing cases with expected outputs and two squares the defect gets right; one of each held back.</summary>
    public static RepairProblem Problem(string? source = null) => new(
        "rectangle",
        1,
        source ?? Defective,
        null,
        [
            Match(FailingInput, FailingExpected),
            Match("""{"width":3,"height":5}""", """{"area":15,"perimeter":16}"""),
            Keep("""{"width":2,"height":2}""", """{"area":4,"perimeter":8}"""),
            Keep("""{"width":4,"height":4}""", """{"area":16,"perimeter":16}"""),
        ],
        [Match(HeldBackInput, """{"area":12,"perimeter":16}"""), Keep("""{"width":3,"height":3}""", """{"area":9,"perimeter":12}""")]);

    public static RepairCase Match(string input, string output) => new(input, RepairExpectation.Match, output, "feedback");

    public static RepairCase Keep(string input, string output) => new(input, RepairExpectation.Keep, output, "execution");

    /// <summary>A reply as a chat model writes one: the source in a fence, then a sentence.</summary>
    public static string Reply(string source, string explanation = "Multiplied the width by the height.") => $"```csharp\n{source}```\n{explanation}";

    public static CandidateEvaluator Evaluator() => new(new ToolCompiler(), new ToolExecutor(), new RepairOptions());

    /// <summary>Runs the generator alone and collects what it yields.</summary>
    public static async Task<List<RepairCandidate>> CollectAsync(IRepairGenerator generator, RepairProblem problem, CandidateEvaluator evaluator, CancellationToken cancellationToken = default)
    {
        var candidates = new List<RepairCandidate>();
        await foreach (var candidate in generator.GenerateAsync(problem, new RepairContext(evaluator, new RepairOptions(), null), cancellationToken))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }
}
