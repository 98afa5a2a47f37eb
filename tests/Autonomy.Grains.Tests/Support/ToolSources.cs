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
        Guarded(name, "Echoes n, marked.", "EchoTool", $"{(failing ? "true" : "false")} && n % 10 != 0", "System.InvalidOperationException(\"broken for \" + n)", Marked(mark));

    /// <summary>A tool that echoes <c>n</c>, and throws when <c>n</c> exceeds <paramref name="failAbove"/> (never when null).</summary>
    public static string Threshold(string name, int? failAbove) =>
        Guarded(name, "Echoes n.", "ThresholdTool", $"n > {(failAbove ?? int.MaxValue).ToString(CultureInfo.InvariantCulture)}", "System.OverflowException(\"too large: \" + n)", "[\"n\"] = n");

    /// <summary>A tool that fails on one input in twenty (<c>n</c> a multiple of 20): 95 % success on uniform traffic; <paramref name="mark"/> tells versions apart.</summary>
    public static string Flaky(string name, int mark) =>
        Guarded(name, "Echoes n, failing on multiples of 20.", "FlakyTool", "n % 20 == 0", "System.InvalidOperationException(\"unlucky \" + n)", Marked(mark));

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

    private static string Marked(int mark) => $"[\"n\"] = n, [\"mark\"] = {mark.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A tool that reads <c>n</c>, throws <paramref name="exception"/> when <paramref name="failWhen"/> holds, and answers <paramref name="output"/>.</summary>
    private static string Guarded(string name, string description, string className, string failWhen, string exception, string output) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("{{name}}", "{{description}}")]
        public sealed class {{className}} : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var n = input?["n"]?.GetValue<int>() ?? 0;
                if ({{failWhen}})
                {
                    throw new {{exception}};
                }

                return Task.FromResult<JsonNode?>(new JsonObject { {{output}} });
            }
        }
        """;
}
