using System.Globalization;

namespace Autonomy.Grains.Tests.Support;

/// <summary>Tool sources for the tests: a real sample, and small inline tools for the failure cases.</summary>
internal static class ToolSources
{
    /// <summary>The sample <c>parse_date</c> tool.</summary>
    public static string ParseDate { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "parse_date.cs"));

    /// <summary>
    /// The sample <c>parse_date</c> tool under another name (a grain's key must match the tool's name), with its
    /// lines unchanged: its defect stays on line 59 (samples/tools/DEFECTS.md).
    /// </summary>
    public static string ParseDateNamed(string name) => ParseDate.Replace("[Tool(\"parse_date\",", $"[Tool(\"{name}\",", StringComparison.Ordinal);

    /// <summary>Inputs that make <c>parse_date</c> throw at line 59: slash dates whose first number is a day above 12.</summary>
    public static IReadOnlyList<string> ParseDateDayFirstInputs { get; } =
        [.. Enumerable.Range(13, 12).Select(day => $$"""{"date": "{{day}}/{{(day % 12) + 1:00}}/2024"}""")];

    /// <summary>Inputs <c>parse_date</c> reads correctly: ISO dates, month-first slash dates, dotted and named dates.</summary>
    public static IReadOnlyList<string> ParseDateGoodInputs { get; } =
    [
        .. Enumerable.Range(1, 9).Select(month => $$"""{"date": "2024-{{month:00}}-15"}"""),
        .. Enumerable.Range(1, 6).Select(month => $$"""{"date": "{{month:00}}/05/2024"}"""),
        """{"date": "24.12.2024"}""",
        """{"date": "March 5, 2024"}""",
        """{"date": "5 Mar 2024"}""",
    ];

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

    /// <summary>A tool that echoes <c>n</c>, and throws when <c>n</c> exceeds <paramref name="failAbove"/> (never when null).</summary>
    public static string Threshold(string name, int? failAbove) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("{{name}}", "Echoes n.")]
        public sealed class ThresholdTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var n = input?["n"]?.GetValue<int>() ?? 0;
                if (n > {{(failAbove ?? int.MaxValue).ToString(CultureInfo.InvariantCulture)}})
                {
                    throw new System.OverflowException("too large: " + n);
                }

                return Task.FromResult<JsonNode?>(new JsonObject { ["n"] = n });
            }
        }
        """;

    /// <summary>A tool that fails on one input in twenty (<c>n</c> a multiple of 20): 95 % success on uniform traffic; <paramref name="mark"/> tells versions apart.</summary>
    public static string Flaky(string name, int mark) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("{{name}}", "Echoes n, failing on multiples of 20.")]
        public sealed class FlakyTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var n = input?["n"]?.GetValue<int>() ?? 0;
                if (n % 20 == 0)
                {
                    throw new System.InvalidOperationException("unlucky " + n);
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
