using System.Numerics.Tensors;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Discovery;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>Duplicate detection over the sample tools, with real embeddings.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class DuplicateFinderTests(MiniLmFixture fixture)
{
    private readonly DuplicateFinder _finder = new();

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleTools, "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public async Task Find_SampleTools_PairsNone()
    {
        var samples = await SampleTool.AllAsync();

        var fingerprints = Fingerprints(samples.Select(s => (s.Name, s.Source, s.Metadata)));

        var pairs = _finder.Find(fingerprints);

        Assert.Empty(pairs);
        var structural = new List<(double Score, string Pair)>();
        var semantic = new List<(double Score, string Pair)>();
        for (var i = 0; i < fingerprints.Count; i++)
        {
            for (var j = i + 1; j < fingerprints.Count; j++)
            {
                var pair = $"{fingerprints[i].Name} + {fingerprints[j].Name}";
                structural.Add((MinHasher.Similarity(fingerprints[i].Signature, fingerprints[j].Signature), pair));
                semantic.Add((TensorPrimitives.Dot(fingerprints[i].Embedding!, fingerprints[j].Embedding!), pair));
            }
        }

        // The margins below the thresholds (0.8 structural; 0.9 semantic) that DuplicateOptions documents.
        var closest = structural.MaxBy(p => p.Score);
        Assert.True(closest.Score is > 0.3 and < 0.55, $"structural {closest}");
        var nearest = semantic.MaxBy(p => p.Score);
        Assert.True(nearest.Score is > 0.3 and < 0.55, $"semantic {nearest}");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Find_TwoRenamedCopiesOfASampleAmongTheSamples_PairsTheThreeCopiesAndNothingElse(string name)
    {
        var samples = await SampleTool.AllAsync();
        var original = samples.Single(s => s.Name == name);
        var copyA = ToolRenamer.Rename(original.Source, name, "my_" + name, "Copy");
        var copyB = ToolRenamer.Rename(original.Source, name, name + "_v2", "Two");
        Assert.DoesNotContain("class " + original.Source.Split("public sealed class ")[1].Split(' ')[0] + " ", copyA, StringComparison.Ordinal);
        var tools = samples.Select(s => (s.Name, s.Source, s.Metadata))
            .Append(("my_" + name, copyA, original.Metadata with { Name = "my_" + name }))
            .Append((name + "_v2", copyB, original.Metadata with { Name = name + "_v2" }));

        var pairs = _finder.Find(Fingerprints(tools));

        string[] copies = [.. new[] { name, "my_" + name, name + "_v2" }.Order(StringComparer.Ordinal)];
        string[] expected = [$"{copies[0]} + {copies[1]}", $"{copies[0]} + {copies[2]}", $"{copies[1]} + {copies[2]}"];
        Assert.Equal(expected, pairs.Select(p => $"{p.A} + {p.B}").Order(StringComparer.Ordinal));
        Assert.All(pairs, p => Assert.Equal(1.0, p.StructuralSimilarity));
        Assert.All(pairs, p => Assert.True(p.SemanticSimilarity > 0.9, $"{p.A} + {p.B}: semantic {p.SemanticSimilarity:F3}"));
        Assert.All(pairs, p => Assert.StartsWith("Same code structure (structural similarity 1.00); semantic similarity 0.9", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_CopyWithMuchAddedCode_PairsItByMeaningWithRelatedCode()
    {
        var samples = await SampleTool.AllAsync();
        var original = samples.Single(s => s.Name == "slugify");
        var extended = ToolRenamer.Rename(original.Source, "slugify", "make_slug", "X");
        extended = extended[..extended.LastIndexOf('}')] + ExtraMembers + "}\n";
        var tools = samples.Select(s => (s.Name, s.Source, s.Metadata)).Append(("make_slug", extended, original.Metadata with { Name = "make_slug" }));

        var pairs = _finder.Find(Fingerprints(tools));

        var pair = Assert.Single(pairs);
        Assert.Equal(("make_slug", "slugify"), (pair.A, pair.B));
        Assert.InRange(pair.StructuralSimilarity, DuplicateOptions.DefaultSemanticStructuralFloor, DuplicateOptions.DefaultStructuralThreshold - 0.01);
        Assert.StartsWith("Same purpose by meaning", pair.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_RenamedCopyWithoutEmbeddings_PairsItByStructureAlone()
    {
        var samples = await SampleTool.AllAsync();
        var original = samples.Single(s => s.Name == "statistics");
        var fingerprints = samples
            .Select(s => _finder.Fingerprint(s.Name, s.Source))
            .Append(_finder.Fingerprint("stats_copy", ToolRenamer.Rename(original.Source, "statistics", "stats_copy", "Z")))
            .ToList();

        var pair = Assert.Single(_finder.Find(fingerprints));

        Assert.Equal(new DuplicatePair("statistics", "stats_copy", null, 1.0, "Same code structure (structural similarity 1.00)."), pair);
    }

    [Fact]
    public async Task Find_SamplesAndCopies_ReturnsWhatJudgingEveryPairReturns()
    {
        // Banding only proposes candidates; this checks it missed none of the pairs an exhaustive comparison finds.
        var samples = await SampleTool.AllAsync();
        var tools = samples.Select(s => (s.Name, s.Source, s.Metadata))
            .Concat(samples.Select(s => (s.Name + "_copy", ToolRenamer.Rename(s.Source, s.Name, s.Name + "_copy", "C"), s.Metadata with { Name = s.Name + "_copy" })));
        var fingerprints = Fingerprints(tools);
        var exhaustive = new List<DuplicatePair>();
        for (var i = 0; i < fingerprints.Count; i++)
        {
            for (var j = i + 1; j < fingerprints.Count; j++)
            {
                if (_finder.Judge(fingerprints[i], fingerprints[j]) is { } pair)
                {
                    exhaustive.Add(pair);
                }
            }
        }

        var found = _finder.Find(fingerprints);

        Assert.Equal(samples.Count, found.Count);
        Assert.Equal(exhaustive.OrderBy(p => p.A, StringComparer.Ordinal), found.OrderBy(p => p.A, StringComparer.Ordinal));
    }

    private List<ToolFingerprint> Fingerprints(IEnumerable<(string Name, string Source, ToolMetadata Metadata)> tools)
    {
        var list = tools.ToList();
        var embeddings = fixture.Embedder.EmbedBatch([.. list.Select(t => ToolDocument.Text(t.Metadata))]);
        return [.. list.Select((t, i) => _finder.Fingerprint(t.Name, t.Source, embeddings[i]))];
    }

    private const string ExtraMembers = """

        private static string Normalise(string text, bool lower)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                    {
                        builder.Append(' ');
                    }
                }
                else if (char.IsLetterOrDigit(c))
                {
                    builder.Append(lower ? char.ToLowerInvariant(c) : c);
                }
            }

            return builder.ToString().Trim();
        }

        private static int CountSeparators(string slug, char separator)
        {
            var count = 0;
            for (var i = 0; i < slug.Length; i++)
            {
                if (slug[i] == separator)
                {
                    count++;
                }
            }

            return count;
        }
    """;
}
