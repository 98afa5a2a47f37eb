using Autonomy.Silo.Demo;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>The repository's demo files, copied next to the tests (samples/demo as demo/, samples/tools as samples/).</summary>
internal static class DemoFiles
{
    public static string TrafficFile { get; } = Path.Combine(AppContext.BaseDirectory, "demo", "traffic.json");

    public static string BadSlugify { get; } = Path.Combine(AppContext.BaseDirectory, "demo", "bad-deploys", "slugify.cs");

    /// <summary>The defective samples of samples/tools/DEFECTS.md.</summary>
    public static IReadOnlySet<string> DefectiveTools { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "parse_date", "unit_convert", "roman_numerals", "country_info" };

    public static TrafficPlan Plan() => TrafficPlan.Parse(File.ReadAllText(TrafficFile));

    public static string SampleSource(string tool) => File.ReadAllText(Path.Combine(TestSiloHost.SamplesDirectory, tool + ".cs"));

    /// <summary>
    /// A defective sample with its one-line fix of DEFECTS.md applied: the correct tool the traffic's expected outputs
    /// are checked against.
    /// </summary>
    public static string FixedSource(string tool)
    {
        var (defect, fix) = tool switch
        {
            "parse_date" => (
                """date = DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);""",
                """date = DateTime.ParseExact(text, ["M/d/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None);"""),
            "unit_convert" => (
                """var precision = input!["precision"]!.GetValue<int>();""",
                """var precision = input?["precision"]?.GetValue<int>() ?? 4;"""),
            "roman_numerals" => ("if (i <= s.Length - 1 &&", "if (i < s.Length - 1 &&"),
            "country_info" => (
                "var country = Countries[code];",
                """if (!Countries.TryGetValue(code, out var country)) return Task.FromResult<JsonNode?>(new JsonObject { ["code"] = code, ["found"] = false });"""),
            _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "not a defective sample"),
        };
        var source = SampleSource(tool);
        Assert.Contains(defect, source, StringComparison.Ordinal);
        return source.Replace(defect, fix, StringComparison.Ordinal);
    }
}
