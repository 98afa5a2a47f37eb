using System.Diagnostics;
using System.Numerics.Tensors;
using Autonomy.Benchmarks.Storage;
using Autonomy.Core.Discovery;
using Autonomy.Discovery;

namespace Autonomy.Benchmarks.Discovery;

/// <summary>
/// Search over 100,000 random unit vectors of 384 dimensions plus the sample tools' real embeddings, top 10, on one
/// thread. Each query is timed through <see cref="EmbeddingIndex.Search"/> and, right after, through the baseline: a
/// bare loop of <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> over a copy of the same
/// slab that keeps only the best score, the least work an exhaustive search can do. Interleaving puts both under the
/// same load from other processes.
/// </summary>
internal static class SearchBenchmark
{
    public const double TargetMilliseconds = 20;
    public const int Vectors = 100_000;
    public const int Queries = 256;
    public const int WarmUp = 10;
    public const int Top = 10;
    public const string QueryText = "convert temperature units";

    public static void Run(IReadOnlyList<SampleTool> samples, IReadOnlyList<float[]> sampleEmbeddings, MiniLmTextEmbedder embedder)
    {
        var dimensions = embedder.Dimensions;
        var watch = Stopwatch.StartNew();
        var query = embedder.Embed(QueryText);
        var firstEmbed = watch.Elapsed.TotalMilliseconds;
        var embedTimes = new double[50];
        for (var i = 0; i < embedTimes.Length; i++)
        {
            watch.Restart();
            embedder.Embed(QueryText);
            embedTimes[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(embedTimes);

        var random = new Random(20260601);
        var rows = Vectors + samples.Count;
        var slab = new float[rows * dimensions];
        using var index = new EmbeddingIndex(dimensions, rows);
        watch.Restart();
        for (var i = 0; i < Vectors; i++)
        {
            var row = slab.AsSpan(i * dimensions, dimensions);
            RandomUnit(random, row);
            index.AddOrReplace("random_" + i, row);
        }

        for (var i = 0; i < samples.Count; i++)
        {
            sampleEmbeddings[i].CopyTo(slab.AsSpan((Vectors + i) * dimensions, dimensions));
            index.AddOrReplace(samples[i].Name, sampleEmbeddings[i]);
        }

        var build = watch.Elapsed.TotalMilliseconds;
        var check = index.Search(query, Top);
        if (check[0].Key != "unit_convert")
        {
            throw new InvalidOperationException($"'{QueryText}' found {check[0].Key} first, not unit_convert.");
        }

        var queries = new float[Queries][];
        queries[0] = query;
        for (var q = 1; q < Queries; q++)
        {
            queries[q] = new float[dimensions];
            RandomUnit(random, queries[q]);
        }

        var indexTimes = new double[Queries];
        var baselineTimes = new double[Queries];
        var sink = 0f;
        for (var q = -WarmUp; q < Queries; q++)
        {
            var vector = queries[Math.Max(q, 0)];
            IReadOnlyList<SearchHit> hits = [];
            double indexTime = 0, baselineTime = 0;
            var best = 0f;

            // Alternate which goes first, so that neither always runs with the caches the other left.
            for (var turn = 0; turn < 2; turn++)
            {
                watch.Restart();
                if ((turn == 0) == (q % 2 == 0))
                {
                    hits = index.Search(vector, Top);
                    indexTime = watch.Elapsed.TotalMilliseconds;
                }
                else
                {
                    best = Baseline(slab, rows, dimensions, vector);
                    baselineTime = watch.Elapsed.TotalMilliseconds;
                }
            }

            if (Math.Abs(best - hits[0].Score) > 1e-4)
            {
                throw new InvalidOperationException($"The index's best score {hits[0].Score} is not the baseline's {best}.");
            }

            sink += best;
            if (q >= 0)
            {
                indexTimes[q] = indexTime;
                baselineTimes[q] = baselineTime;
            }
        }

        Array.Sort(indexTimes);
        Array.Sort(baselineTimes);
        var p50 = DiscoveryBenchmarks.Percentile(indexTimes, 50);
        var p99 = DiscoveryBenchmarks.Percentile(indexTimes, 99);
        var baseP50 = DiscoveryBenchmarks.Percentile(baselineTimes, 50);
        var baseP99 = DiscoveryBenchmarks.Percentile(baselineTimes, 99);
        Console.WriteLine(StorageBenchmarks.Format(
            $"search: {rows:N0} vectors x {dimensions} ({slab.Length * 4.0 / (1 << 20):N0} MiB), generated and indexed in {build:N0} ms; '{QueryText}' -> {check[0].Key} {check[0].Score:F3}, next {check[1].Key} {check[1].Score:F3} (checksum {sink:F1})"));
        Console.WriteLine(StorageBenchmarks.Format(
            $"search: MiniLM Embed('{QueryText}') first {firstEmbed:F1} ms, then p50 {DiscoveryBenchmarks.Percentile(embedTimes, 50):F2} ms, p99 {DiscoveryBenchmarks.Percentile(embedTimes, 99):F2} ms over {embedTimes.Length}"));
        Console.WriteLine("| measure (top 10, one thread) | p50 ms | p99 ms | p50 / 20 ms target | p50 / baseline |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(StorageBenchmarks.Format($"| EmbeddingIndex.Search, {Queries} queries | {p50:F2} | {p99:F2} | {p50 / TargetMilliseconds:F2} | {p50 / baseP50:F2} |"));
        Console.WriteLine(StorageBenchmarks.Format($"| baseline: bare TensorPrimitives.Dot scan | {baseP50:F2} | {baseP99:F2} | {baseP50 / TargetMilliseconds:F2} | 1.00 |"));
    }

    private static float Baseline(float[] slab, int rows, int dimensions, float[] query)
    {
        var best = float.NegativeInfinity;
        for (var row = 0; row < rows; row++)
        {
            var score = TensorPrimitives.Dot(slab.AsSpan(row * dimensions, dimensions), query);
            if (score > best)
            {
                best = score;
            }
        }

        return best;
    }

    /// <summary>A uniformly random direction: normalised standard normal draws.</summary>
    public static void RandomUnit(Random random, Span<float> vector)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
