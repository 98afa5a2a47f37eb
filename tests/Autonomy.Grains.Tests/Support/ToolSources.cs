using System.Globalization;

namespace Autonomy.Grains.Tests.Support;

/// <summary>Tool sources for the tests: a real sample, and small inline tools for the failure cases.</summary>
internal static class ToolSources
{
    /// <summary>The sample <c>parse_date</c> tool.</summary>
    public static string ParseDate { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "parse_date.cs"));

    /// <summary>
    /// A tool that echoes <c>n</c> with a mark; when <paramref name="failing"/>, it throws unless <c>n</c> is a
    /// multiple of ten (it fails on most inputs).
    /// </summary>
    public static string Echo(string name, int mark, bool failing = false) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("{{name}}", "Echoes n, marked.")]
        public sealed class EchoTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var n = input?["n"]?.GetValue<int>() ?? 0;
                if ({{(failing ? "true" : "false")}} && n % 10 != 0)
                {
                    throw new System.InvalidOperationException("broken for " + n);
                }

                return Task.FromResult<JsonNode?>(new JsonObject { ["n"] = n, ["mark"] = {{mark.ToString(CultureInfo.InvariantCulture)}} });
            }
        }
        """;

    /// <summary>A tool that reads a file: the policy rejects it.</summary>
    public static string ReadsFiles(string name) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("{{name}}", "Reads a file.")]
        public sealed class FileTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) =>
                Task.FromResult<JsonNode?>(System.IO.File.ReadAllText("/etc/passwd"));
        }
        """;
}
