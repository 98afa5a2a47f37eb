using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Autonomy.Benchmarks.Storage;
using Autonomy.Core.Discovery;

namespace Autonomy.Benchmarks.Discovery;

/// <summary>
/// Duplicate detection over 10,000 synthetic tools on one thread: the 10 sample tools, 20 renamed copies of each
/// (class, tool name and every declared identifier renamed), 5 copies of each padded with one or two random helper
/// methods, and random unrelated tools (<see cref="RandomToolWriter"/>) for the rest. Copies get their sample's real
/// MiniLM embedding plus noise (cosine about 0.95); unrelated tools get random embeddings around a common direction,
/// so that two of them have cosine about 0.25 on average, as the samples have (0.22), rather than the 0 of uniformly
/// random vectors, which would flatter the semantic banding. Embedding the texts is not timed here (search measures
/// one Embed); fingerprinting the sources is. The baseline compares every pair directly (49,995,000 pairs at 10,000 tools) under the
/// same thresholds, which is also the ground truth for the banding's recall.
/// </summary>
internal static class DuplicatesBenchmark
{
    public const double TargetSeconds = 10;
    public const int DefaultTools = 10_000;
    public const int RenamedCopies = 20;
    public const int PaddedCopies = 5;

    public static void Run(IReadOnlyList<SampleTool> samples, IReadOnlyList<float[]> sampleEmbeddings, int tools)
    {
        var random = new Random(20260602);
        Breakdown(samples);
        var corpus = Corpus(samples, sampleEmbeddings, random, tools);
        Console.WriteLine(StorageBenchmarks.Format($"duplicates: corpus of {corpus.Count:N0} generated"));
        var finder = new DuplicateFinder();
        var options = new DuplicateOptions();
        finder.Fingerprint(corpus[0].Name, corpus[0].Source, corpus[0].Embedding);

        var watch = Stopwatch.StartNew();
        var fingerprints = corpus.Select(t => finder.Fingerprint(t.Name, t.Source, t.Embedding)).ToList();
        var fingerprinting = watch.Elapsed.TotalSeconds;
        Console.WriteLine(StorageBenchmarks.Format($"duplicates: fingerprinted in {fingerprinting:F2} s"));
        watch.Restart();
        var pairs = finder.Find(fingerprints, out var candidates);
        var finding = watch.Elapsed.TotalSeconds;
        Console.WriteLine(StorageBenchmarks.Format($"duplicates: found {pairs.Count:N0} pairs in {finding:F2} s"));

        watch.Restart();
        var structuralOnly = finder.Find([.. fingerprints.Select(f => f with { Embedding = null })], out var structuralCandidates);
        var findingStructurally = watch.Elapsed.TotalSeconds;
        Console.WriteLine(StorageBenchmarks.Format(
            $"duplicates: without embeddings (structural banding alone): {structuralOnly.Count:N0} pairs from {structuralCandidates:N0} candidates in {findingStructurally:F2} s"));

        watch.Restart();
        var exhaustive = Exhaustive(fingerprints, options, out var maxUnrelatedStructural, out var meanUnrelatedStructural);
        var baseline = watch.Elapsed.TotalSeconds;

        var group = corpus.ToDictionary(t => t.Name, t => t.Group, StringComparer.Ordinal);
        var found = pairs.Select(p => (p.A, p.B)).ToHashSet();
        var crossGroup = pairs.Count(p => group[p.A] != group[p.B]);
        var renamedExpected = samples.Count * (RenamedCopies + 1) * RenamedCopies / 2;
        var renamedFound = pairs.Count(p => group[p.A] == group[p.B] && !p.A.Contains("_padded", StringComparison.Ordinal) && !p.B.Contains("_padded", StringComparison.Ordinal));
        var recall = exhaustive.Count == 0 ? 1 : exhaustive.Count(found.Contains) / (double)exhaustive.Count;
        var bySemanticRule = pairs.Count(p => p.Reason.StartsWith("Same purpose", StringComparison.Ordinal));
        var total = fingerprinting + finding;

        Console.WriteLine(StorageBenchmarks.Format(
            $"duplicates: {corpus.Count:N0} tools ({samples.Count} samples, {samples.Count * RenamedCopies} renamed copies, {samples.Count * PaddedCopies} padded copies, {corpus.Count(t => t.Group < 0):N0} unrelated), {corpus.Sum(t => t.Source.Length) / corpus.Count:N0} chars a source on average"));
        Console.WriteLine(StorageBenchmarks.Format(
            $"duplicates: {pairs.Count:N0} pairs ({bySemanticRule} by the semantic rule), {candidates:N0} candidate pairs from banding; renamed-copy pairs {renamedFound:N0} of {renamedExpected:N0}; pairs across groups {crossGroup}; recall against exhaustive {recall:P2} ({exhaustive.Count:N0} pairs); structural similarity of pairs with an unrelated tool: mean {meanUnrelatedStructural:F3}, highest {maxUnrelatedStructural:F3}"));
        Console.WriteLine(StorageBenchmarks.Format($"| measure ({corpus.Count:N0} tools, one thread) | seconds | / 10 s target | / baseline |"));
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(StorageBenchmarks.Format($"| fingerprint (Roslyn lexer, shingles, MinHash {options.HashFunctions}) | {fingerprinting:F2} | {fingerprinting / TargetSeconds:F3} | |"));
        Console.WriteLine(StorageBenchmarks.Format($"| DuplicateFinder.Find (banding + judging candidates) | {finding:F2} | {finding / TargetSeconds:F3} | {finding / baseline:F3} |"));
        Console.WriteLine(StorageBenchmarks.Format($"| fingerprint + Find | {total:F2} | {total / TargetSeconds:F3} | |"));
        Console.WriteLine(StorageBenchmarks.Format($"| baseline: every pair compared directly | {baseline:F2} | {baseline / TargetSeconds:F3} | 1.000 |"));
    }

    /// <summary>Where fingerprinting time goes, on the samples repeated: parsing and tokenising, shingling, MinHash.</summary>
    private static void Breakdown(IReadOnlyList<SampleTool> samples)
    {
        const int Rounds = 100;
        var options = new DuplicateOptions();
        var hasher = new MinHasher(options.HashFunctions, (ulong)options.Seed);
        var sets = samples.Select(s => SourceShingles.Of(s.Source, options.ShingleLength)).ToList();
        sets.ForEach(set => hasher.Signature(set));

        var watch = Stopwatch.StartNew();
        var tokens = 0;
        for (var r = 0; r < Rounds; r++)
        {
            foreach (var sample in samples)
            {
                tokens += SourceShingles.Tokens(sample.Source).Count;
            }
        }

        var lex = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        for (var r = 0; r < Rounds; r++)
        {
            foreach (var sample in samples)
            {
                SourceShingles.Of(sample.Source, options.ShingleLength);
            }
        }

        var shingle = watch.Elapsed.TotalMilliseconds - lex;
        watch.Restart();
        for (var r = 0; r < Rounds; r++)
        {
            foreach (var set in sets)
            {
                hasher.Signature(set);
            }
        }

        var minHash = watch.Elapsed.TotalMilliseconds;
        var count = Rounds * samples.Count;
        Console.WriteLine(StorageBenchmarks.Format(
            $"duplicates: per sample source ({samples.Sum(s => s.Source.Length) / samples.Count:N0} chars, {tokens / count:N0} tokens after usings and attributes, {sets.Sum(s => s.Count) / sets.Count:N0} shingles): lex {lex / count:F3} ms, shingle {Math.Max(shingle, 0) / count:F3} ms, MinHash {minHash / count:F3} ms"));
    }

    private static List<(string A, string B)> Exhaustive(List<ToolFingerprint> tools, DuplicateOptions options, out double maxUnrelatedStructural, out double meanUnrelatedStructural)
    {
        var pairs = new List<(string A, string B)>();
        var max = 0.0;
        var sum = 0.0;
        long unrelated = 0;
        for (var i = 0; i < tools.Count; i++)
        {
            var first = tools[i];
            for (var j = i + 1; j < tools.Count; j++)
            {
                var second = tools[j];
                var structural = MinHasher.Similarity(first.Signature, second.Signature);
                if (structural >= options.StructuralThreshold
                    || (structural >= options.SemanticStructuralFloor && TensorPrimitives.Dot(first.Embedding!, second.Embedding!) >= options.SemanticThreshold))
                {
                    pairs.Add(string.CompareOrdinal(first.Name, second.Name) <= 0 ? (first.Name, second.Name) : (second.Name, first.Name));
                }

                if (first.Name.StartsWith("unrelated_", StringComparison.Ordinal) || second.Name.StartsWith("unrelated_", StringComparison.Ordinal))
                {
                    max = Math.Max(max, structural);
                    sum += structural;
                    unrelated++;
                }
            }
        }

        maxUnrelatedStructural = max;
        meanUnrelatedStructural = sum / Math.Max(unrelated, 1);
        return pairs;
    }

    private static List<(string Name, string Source, float[] Embedding, int Group)> Corpus(IReadOnlyList<SampleTool> samples, IReadOnlyList<float[]> sampleEmbeddings, Random random, int tools)
    {
        var corpus = new List<(string Name, string Source, float[] Embedding, int Group)>(tools);
        var writer = new RandomToolWriter(random);
        for (var s = 0; s < samples.Count; s++)
        {
            var sample = samples[s];
            corpus.Add((sample.Name, sample.Source, sampleEmbeddings[s], s));
            for (var c = 0; c < RenamedCopies; c++)
            {
                var name = $"{sample.Name}_copy{c}";
                corpus.Add((name, Autonomy.Core.Tests.Discovery.ToolRenamer.Rename(sample.Source, sample.Name, name, "C" + c.ToString(CultureInfo.InvariantCulture)), Near(sampleEmbeddings[s], random), s));
            }

            for (var c = 0; c < PaddedCopies; c++)
            {
                var name = $"{sample.Name}_padded{c}";
                var source = Autonomy.Core.Tests.Discovery.ToolRenamer.Rename(sample.Source, sample.Name, name, "P" + c.ToString(CultureInfo.InvariantCulture));
                var helpers = string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(h => writer.Helper(90 + h)));
                corpus.Add((name, source[..source.LastIndexOf('}')] + helpers + "}\n", Near(sampleEmbeddings[s], random), s));
            }
        }

        var centre = new float[sampleEmbeddings[0].Length];
        SearchBenchmark.RandomUnit(random, centre);
        for (var i = 0; corpus.Count < tools; i++)
        {
            var name = "unrelated_" + i.ToString(CultureInfo.InvariantCulture);
            var embedding = new float[centre.Length];
            SearchBenchmark.RandomUnit(random, embedding);
            // Two vectors a·c + u, with c shared and u random unit, have cosine about a² / (1 + a²): a² = 1/3 gives 0.25.
            TensorPrimitives.MultiplyAdd(centre, MathF.Sqrt(1f / 3), embedding, embedding);
            TensorPrimitives.Divide(embedding, TensorPrimitives.Norm(embedding), embedding);
            corpus.Add((name, writer.Write(name, "Unrelated" + i.ToString(CultureInfo.InvariantCulture) + "Tool"), embedding, -1 - i));
        }

        return corpus;
    }

    /// <summary>The vector turned by a small random angle: cosine about 0.95 with it in 384 dimensions.</summary>
    private static float[] Near(float[] vector, Random random)
    {
        var noise = new float[vector.Length];
        SearchBenchmark.RandomUnit(random, noise);
        var near = new float[vector.Length];
        TensorPrimitives.MultiplyAdd(noise, 0.33f, vector, near);
        TensorPrimitives.Divide(near, TensorPrimitives.Norm(near), near);
        return near;
    }
}
