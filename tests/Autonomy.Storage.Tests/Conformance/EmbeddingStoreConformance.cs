using Autonomy.Core.Storage;
using Autonomy.Core.Storage.Sql;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary><c>tool_embeddings</c> on every backend: vectors round-trip bit for bit, once per version and model.</summary>
public abstract class EmbeddingStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    private IEmbeddingStore Embeddings => new SqlEmbeddingStore(Database.Stores, Time);

    [ConformanceFact]
    public async Task SaveAsync_TwoVersionsTwoModels_ListLatestGivesEachToolsNewestVersionOfThatModel()
    {
        var tool = NewToolName();
        var other = NewToolName();
        float[] v1 = [0.5f, -0.25f, 1e-7f], v2 = [0.1f, 0.2f, 0.3f];

        Assert.Equal(1, await Embeddings.SaveAsync(tool, 1, "m", v1));
        Assert.Equal(1, await Embeddings.SaveAsync(tool, 2, "m", v2));
        Assert.Equal(0, await Embeddings.SaveAsync(tool, 2, "m", v1));
        Assert.Equal(1, await Embeddings.SaveAsync(tool, 3, "other-model", v1));
        Assert.Equal(1, await Embeddings.SaveAsync(other, 1, "m", v1));

        var latest = (await Embeddings.ListLatestAsync("m")).Where(e => e.ToolName == tool || e.ToolName == other).ToDictionary(e => e.ToolName);

        Assert.Equal((2, "m", Now), (latest[tool].Version, latest[tool].Model, latest[tool].CreatedAt));
        Assert.Equal(v2, latest[tool].Vector);
        Assert.Equal(1, latest[other].Version);
        Assert.Equal(v1, latest[other].Vector);
    }

    [ConformanceFact]
    public async Task SaveAsync_EmptyVector_Refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Embeddings.SaveAsync(NewToolName(), 1, "m", []));
}
