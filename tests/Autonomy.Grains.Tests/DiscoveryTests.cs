using Autonomy.Abstractions.Grains;
using Autonomy.Core.Tests.Discovery;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests;

/// <summary>
/// Discovery and duplicates over the ten sample tools with the real MiniLM model: search by meaning, embeddings
/// stored once per version, and duplicate pairs found for renamed copies and never between different tools.
/// </summary>
public sealed class DiscoveryTests(DiscoveryClusterFixture fixture) : IClassFixture<DiscoveryClusterFixture>
{
    private static readonly string[] Samples =
        ["country_info", "currency_format", "json_extract", "moving_average", "parse_date", "roman_numerals", "slugify", "statistics", "unit_convert", "word_count"];

    private IDiscoveryGrain Discovery => fixture.Client.GetGrain<IDiscoveryGrain>(0);

    [Fact]
    public async Task SearchAndDuplicates_SamplesACelsiusToolAndTwoRenamedCopies()
    {
        // One test, one cluster: the index covers every tool the silo knows, so the assertions see exactly these.
        foreach (var sample in Samples)
        {
            await RegisterAsync(sample, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", sample + ".cs")));
        }

        await RegisterAsync("temperature_tool", CelsiusTool);

        var results = await Discovery.SearchAsync("convert temperature units", 5);

        Assert.Equal(["temperature_tool", "unit_convert"], results.Take(2).Select(r => r.Name).Order());
        Assert.True(results[1].Score > results[2].Score + 0.1, $"the two temperature tools stand out: {string.Join(", ", results.Select(r => $"{r.Name} {r.Score}"))}");
        Assert.Equal("Converts a temperature from degrees Celsius to degrees Fahrenheit.", results.Single(r => r.Name == "temperature_tool").Description);

        // Embedded once per version, and stored.
        var stored = await fixture.Service<Autonomy.Core.Storage.IEmbeddingStore>().ListLatestAsync("MiniLmTextEmbedder/384");
        Assert.Equal(Samples.Append("temperature_tool").Order(StringComparer.Ordinal), stored.Select(e => e.ToolName).Order(StringComparer.Ordinal));
        Assert.All(stored, e => Assert.Equal((1, 384), (e.Version, e.Vector.Length)));

        var noDuplicates = await Discovery.FindDuplicatesAsync(100);
        Assert.Empty(noDuplicates);

        var slugify = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "slugify.cs"));
        await RegisterAsync("url_slug", ToolRenamer.Rename(slugify, "slugify", "url_slug", "Url"));
        await RegisterAsync("make_slug", ToolRenamer.Rename(slugify, "slugify", "make_slug", "Make"));

        var pairs = await Discovery.FindDuplicatesAsync(100);

        Assert.Equal(
            [("make_slug", "slugify"), ("make_slug", "url_slug"), ("slugify", "url_slug")],
            pairs.Select(p => string.CompareOrdinal(p.First.Name, p.Second.Name) < 0 ? (p.First.Name, p.Second.Name) : (p.Second.Name, p.First.Name)).Order());
        Assert.All(pairs, p => Assert.True(p.StructuralSimilarity >= 0.8, $"{p.First.Name} ~ {p.Second.Name}: {p.StructuralSimilarity}"));
        // Neither copy has run: usage cannot separate them, so the older name is kept, and the diff shows the rename.
        var original = pairs.First(p => p.First.Name == "slugify" || p.Second.Name == "slugify");
        Assert.Equal("slugify", original.Keep);
        Assert.StartsWith("Usage is alike; slugify is the older name", original.Recommendation, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^[-+].*\[Tool\(""(url_slug|make_slug)""", original.Diff);
    }

    private async Task RegisterAsync(string name, string source)
    {
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(source, "human", "discovery test");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
    }

    private const string CelsiusTool = """""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Tests.Tools;

        [Tool("temperature_tool", "Converts a temperature from degrees Celsius to degrees Fahrenheit.")]
        [ToolInputSchema(""""{"type": "object", "properties": {"celsius": {"type": "number"}}, "required": ["celsius"]}"""")]
        public sealed class CelsiusTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var celsius = input?["celsius"]?.GetValue<double>() ?? throw new InvalidToolInputException("'celsius' is required.");
                return Task.FromResult<JsonNode?>(new JsonObject { ["fahrenheit"] = celsius * 9 / 5 + 32 });
            }
        }
        """"";
}
