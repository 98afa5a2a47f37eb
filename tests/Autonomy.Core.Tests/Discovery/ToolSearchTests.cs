using Autonomy.Abstractions.Tools;
using Autonomy.Core.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>Semantic search over the sample tools with the real MiniLM model.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class ToolSearchTests(MiniLmFixture fixture)
{
    private const string Query = "convert temperature units";

    private static readonly ToolMetadata CelsiusTool = new(
        "c2f",
        "Celsius to fahrenheit.",
        """{"type": "object", "properties": {"celsius": {"type": "number"}}, "required": ["celsius"]}""",
        """{"type": "object", "properties": {"fahrenheit": {"type": "number"}}}""",
        []);

    [Fact]
    public async Task Search_ConvertTemperatureUnits_RanksUnitConvertFirst()
    {
        using var index = Index(await SampleMetadataAsync());

        var hits = index.Search(fixture.Embedder.Embed(Query), 10);

        Assert.Equal(10, hits.Count);
        Assert.Equal("unit_convert", hits[0].Key);
        Assert.True(hits[0].Score - hits[1].Score > 0.2, $"unit_convert {hits[0].Score:F3} is not clearly ahead of {hits[1].Key} {hits[1].Score:F3}");
    }

    [Fact]
    public async Task Search_ConvertTemperatureUnits_WithoutUnitConvert_RanksCelsiusToFahrenheitToolFirst()
    {
        var tools = (await SampleMetadataAsync()).Where(t => t.Name != "unit_convert").Append(CelsiusTool).ToList();
        using var index = Index(tools);

        var hits = index.Search(fixture.Embedder.Embed(Query), 3);

        Assert.Equal("c2f", hits[0].Key);
    }

    [Fact]
    public async Task Search_ConvertTemperatureUnits_WithBothConverters_RanksThemFirstAndSecond()
    {
        using var index = Index([.. await SampleMetadataAsync(), CelsiusTool]);

        var hits = index.Search(fixture.Embedder.Embed(Query), 3);

        Assert.Equal(["c2f", "unit_convert"], hits.Take(2).Select(h => h.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_DescriptionOfEachSample_RanksThatSampleFirst()
    {
        var samples = await SampleMetadataAsync();
        using var index = Index(samples);

        foreach (var sample in samples)
        {
            var hits = index.Search(fixture.Embedder.Embed(sample.Description), 1);
            Assert.Equal(sample.Name, hits[0].Key);
        }
    }

    private static async Task<IReadOnlyList<ToolMetadata>> SampleMetadataAsync()
        => [.. (await SampleTool.AllAsync()).Select(s => s.Metadata)];

    private EmbeddingIndex Index(IReadOnlyList<ToolMetadata> tools)
    {
        var vectors = fixture.Embedder.EmbedBatch([.. tools.Select(ToolDocument.Text)]);
        var index = new EmbeddingIndex(fixture.Embedder.Dimensions);
        for (var i = 0; i < tools.Count; i++)
        {
            index.AddOrReplace(tools[i].Name, vectors[i]);
        }

        return index;
    }
}
