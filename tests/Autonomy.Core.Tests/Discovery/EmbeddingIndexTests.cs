using System.Numerics.Tensors;
using Autonomy.Core.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>The brute-force cosine index behind tool search.</summary>
public sealed class EmbeddingIndexTests
{
    [Fact]
    public void Search_RandomVectors_MatchesAnExhaustiveSortByCosine()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 500).Select(_ => RandomVector(random, 24)).ToList();
        using var index = new EmbeddingIndex(24, capacity: 8);
        for (var i = 0; i < vectors.Count; i++)
        {
            index.AddOrReplace($"tool{i}", vectors[i]);
        }

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 24);
            var expected = vectors
                .Select((v, i) => (Key: $"tool{i}", Score: TensorPrimitives.CosineSimilarity(v, query)))
                .OrderByDescending(h => h.Score)
                .Take(10)
                .ToList();

            var hits = index.Search(query, 10);

            Assert.Equal(expected.Select(h => h.Key), hits.Select(h => h.Key));
            Assert.All(hits.Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 4));
        }
    }

    [Fact]
    public void AddOrReplace_ExistingKey_ReplacesTheVector()
    {
        using var index = new EmbeddingIndex(2);
        index.AddOrReplace("a", [1, 0]);
        index.AddOrReplace("b", [0, 1]);

        index.AddOrReplace("a", [0, 3]);

        Assert.Equal(2, index.Count);
        var hits = index.Search([0, 1], 2);
        Assert.Equal([new SearchHit("a", 1f), new SearchHit("b", 1f)], hits);
    }

    [Fact]
    public void Remove_KeyInTheMiddle_KeepsTheOthersWithTheirVectors()
    {
        using var index = new EmbeddingIndex(2);
        index.AddOrReplace("a", [1, 0]);
        index.AddOrReplace("b", [0, 1]);
        index.AddOrReplace("c", [-1, 0]);

        Assert.True(index.Remove("a"));
        Assert.False(index.Remove("a"));

        Assert.Equal(2, index.Count);
        Assert.False(index.Contains("a"));
        Assert.Equal([new SearchHit("c", 1f)], index.Search([-1, 0], 1));
        Assert.Equal([new SearchHit("b", 1f)], index.Search([0, 1], 1));
        index.AddOrReplace("c", [1, 1]);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Search_MinimumScore_LeavesOutLowerHits()
    {
        using var index = new EmbeddingIndex(2);
        index.AddOrReplace("same", [1, 0]);
        index.AddOrReplace("near", [1, 1]);
        index.AddOrReplace("opposite", [-1, 0]);

        var hits = index.Search([2, 0], 10, minimumScore: 0.5f);

        Assert.Equal(["same", "near"], hits.Select(h => h.Key));
        Assert.Equal(MathF.Sqrt(0.5f), hits[1].Score, 5);
    }

    [Fact]
    public void Search_EmptyIndex_ReturnsNoHits()
    {
        using var index = new EmbeddingIndex(3);

        Assert.Empty(index.Search([1, 0, 0], 5));
    }

    [Fact]
    public void AddOrReplace_VectorOfWrongLengthOrZero_Throws()
    {
        using var index = new EmbeddingIndex(3);

        Assert.Throws<ArgumentException>(() => index.AddOrReplace("a", [1, 0]));
        Assert.Throws<ArgumentException>(() => index.AddOrReplace("a", [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => index.AddOrReplace("a", [float.NaN, 0, 1]));
        Assert.Equal(0, index.Count);
    }

    private static float[] RandomVector(Random random, int dimensions)
        => [.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5))];
}
