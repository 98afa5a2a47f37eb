namespace Autonomy.Core.Tests.Repair.MutationSupport;

/// <summary>A tool with a one-line defect, its correct reference, and inputs: given to the search, held back for validation, and hidden from both.</summary>
internal sealed record MutationScenario(string Name, string Reference, string Defective, string[] Given, string[] HeldBack, string[] Hidden)
{
    /// <summary>A complete tool whose <c>ExecuteAsync</c> body is <paramref name="body"/>; the body's first line is line 14.</summary>
    public static string Tool(string body, string members = "") => $$"""
using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Tests.Mutation;

[Tool("defect_tool", "A tool with a one-line defect.")]
public sealed class DefectTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
{{body}}
    }

    private static int[] Numbers(JsonNode? input) => input!["xs"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    private static Task<JsonNode?> Done(JsonObject output) => Task.FromResult<JsonNode?>(output);
{{members}}
}
""";

    /// <summary>The line of the body's first line in <see cref="Tool"/>.</summary>
    public const int BodyLine = 14;

    public override string ToString() => Name;
}
