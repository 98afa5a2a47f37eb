using System.Globalization;
using System.Numerics.Tensors;

namespace Autonomy.Core.Discovery;

/// <summary>
/// Finds pairs of tools that do the same job, by structure (MinHash over normalised token shingles of the source)
/// and by meaning (cosine of embeddings). Locality-sensitive banding of both signatures picks the candidate pairs,
/// which are then scored and kept under the thresholds of <see cref="DuplicateOptions"/>. Banding proposes nearly
/// every pair over the thresholds and few others: at 10,000 generated tools, 6 % of all pairs, most of them from the
/// semantic bands because tool descriptions are all somewhat alike (docs/bench-discovery.md). Thread-safe; holds no
/// tools.
/// </summary>
public sealed class DuplicateFinder
{
    private readonly DuplicateOptions _options;
    private readonly MinHasher _minHasher;
    private readonly int _rowsPerBand;

    // Built on first use for the embeddings' length. Two threads may both build one; either is the same hasher.
    private SemanticHasher? _semanticHasher;

    /// <summary>Creates a finder.</summary>
    /// <exception cref="ArgumentException"><see cref="DuplicateOptions.HashFunctions"/> is not a multiple of <see cref="DuplicateOptions.Bands"/>.</exception>
    public DuplicateFinder(DuplicateOptions? options = null)
    {
        _options = options ?? new DuplicateOptions();
        if (_options.Bands <= 0 || _options.HashFunctions % _options.Bands != 0)
        {
            throw new ArgumentException($"HashFunctions ({_options.HashFunctions}) must be a positive multiple of Bands ({_options.Bands}).", nameof(options));
        }

        _rowsPerBand = _options.HashFunctions / _options.Bands;
        _minHasher = new MinHasher(_options.HashFunctions, unchecked((ulong)_options.Seed));
    }

    /// <summary>Fingerprints a tool version.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="source">The tool's C# source. It need not compile; it is only tokenised.</param>
    /// <param name="embedding">The embedding of its <see cref="ToolDocument"/>, or <see langword="null"/>.</param>
    public ToolFingerprint Fingerprint(string name, string source, float[]? embedding = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var signature = _minHasher.Signature(SourceShingles.Of(source, _options.ShingleLength));
        return new ToolFingerprint(name, signature, embedding is null ? null : Normalized(embedding));
    }

    /// <summary>Finds the duplicate pairs among tools.</summary>
    /// <returns>The pairs, the most similar first (the higher of the two similarities), then by names.</returns>
    /// <exception cref="ArgumentException">A signature has the wrong length, embeddings differ in length, or a name repeats.</exception>
    public IReadOnlyList<DuplicatePair> Find(IReadOnlyList<ToolFingerprint> tools) => Find(tools, out _);

    /// <summary>Finds the duplicate pairs and says how many candidate pairs banding proposed; for benchmarks.</summary>
    internal IReadOnlyList<DuplicatePair> Find(IReadOnlyList<ToolFingerprint> tools, out int candidateCount)
    {
        ArgumentNullException.ThrowIfNull(tools);
        Validate(tools);
        var candidates = new HashSet<(int First, int Second)>();
        AddBandCollisions(candidates, tools.Count, i => StructuralBandKeys(tools[i].Signature));
        var dimensions = tools.FirstOrDefault(t => t.Embedding is not null)?.Embedding!.Length ?? 0;
        if (dimensions > 0)
        {
            var hasher = SemanticHasherFor(dimensions);
            AddBandCollisions(candidates, tools.Count, i => tools[i].Embedding is { } e ? hasher.BandKeys(e) : []);
        }

        candidateCount = candidates.Count;
        var pairs = new List<DuplicatePair>();
        foreach (var candidate in candidates)
        {
            var first = tools[candidate.First];
            var second = tools[candidate.Second];
            if (Judge(first, second) is { } pair)
            {
                pairs.Add(pair);
            }
        }

        pairs.Sort(static (x, y) =>
            Math.Max(y.StructuralSimilarity, y.SemanticSimilarity ?? 0).CompareTo(Math.Max(x.StructuralSimilarity, x.SemanticSimilarity ?? 0)) is var byScore and not 0
                ? byScore
                : string.CompareOrdinal(x.A, y.A) is var byA and not 0 ? byA : string.CompareOrdinal(x.B, y.B));
        return pairs;
    }

    /// <summary>Scores one pair under the thresholds, whether or not banding would have proposed it.</summary>
    /// <returns>The pair, or <see langword="null"/> when it is not a duplicate.</returns>
    public DuplicatePair? Judge(ToolFingerprint first, ToolFingerprint second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var structural = MinHasher.Similarity(first.Signature, second.Signature);
        double? semantic = first.Embedding is { } x && second.Embedding is { } y && x.Length == y.Length
            ? Math.Clamp(TensorPrimitives.CosineSimilarity(x, y), -1.0, 1.0)
            : null;
        string reason;
        if (structural >= _options.StructuralThreshold)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"Same code structure (structural similarity {structural:0.00})")
                + (semantic is { } s ? string.Create(CultureInfo.InvariantCulture, $"; semantic similarity {s:0.00}.") : ".");
        }
        else if (semantic >= _options.SemanticThreshold && structural >= _options.SemanticStructuralFloor)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Same purpose by meaning (semantic similarity {semantic:0.00}) with related code (structural similarity {structural:0.00}).");
        }
        else
        {
            return null;
        }

        var (a, b) = string.CompareOrdinal(first.Name, second.Name) <= 0 ? (first.Name, second.Name) : (second.Name, first.Name);
        return new DuplicatePair(a, b, semantic, structural, reason);
    }

    private static float[] Normalized(float[] embedding)
    {
        var norm = TensorPrimitives.Norm(embedding);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new ArgumentException("The embedding must be finite and not all zeros.", nameof(embedding));
        }

        var copy = new float[embedding.Length];
        TensorPrimitives.Divide(embedding, norm, copy);
        return copy;
    }

    private static void AddBandCollisions(HashSet<(int First, int Second)> candidates, int count, Func<int, ulong[]> keysOf)
    {
        var buckets = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < count; i++)
        {
            foreach (var key in keysOf(i))
            {
                if (!buckets.TryGetValue(key, out var members))
                {
                    buckets[key] = members = new List<int>(2);
                }

                members.Add(i);
            }
        }

        foreach (var members in buckets.Values)
        {
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    candidates.Add((members[i], members[j]));
                }
            }
        }
    }

    private ulong[] StructuralBandKeys(uint[] signature)
    {
        var keys = new ulong[_options.Bands];
        for (var band = 0; band < keys.Length; band++)
        {
            var hash = (ulong)band;
            foreach (var value in signature.AsSpan(band * _rowsPerBand, _rowsPerBand))
            {
                hash = StableHash.Mix(hash ^ value);
            }

            keys[band] = hash;
        }

        return keys;
    }

    private SemanticHasher SemanticHasherFor(int dimensions)
    {
        var hasher = _semanticHasher;
        if (hasher is null || hasher.Dimensions != dimensions)
        {
            hasher = new SemanticHasher(dimensions, _options.SemanticBands, _options.SemanticBitsPerBand, StableHash.Mix(unchecked((ulong)_options.Seed)));
            _semanticHasher = hasher;
        }

        return hasher;
    }

    private void Validate(IReadOnlyList<ToolFingerprint> tools)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        int? dimensions = null;
        foreach (var tool in tools)
        {
            ArgumentNullException.ThrowIfNull(tool);
            if (!names.Add(tool.Name))
            {
                throw new ArgumentException($"The tool '{tool.Name}' appears twice.", nameof(tools));
            }

            if (tool.Signature.Length != _options.HashFunctions)
            {
                throw new ArgumentException($"The signature of '{tool.Name}' has {tool.Signature.Length} values; the options make {_options.HashFunctions}.", nameof(tools));
            }

            if (tool.Embedding is { } embedding)
            {
                dimensions ??= embedding.Length;
                if (embedding.Length != dimensions)
                {
                    throw new ArgumentException($"The embedding of '{tool.Name}' has {embedding.Length} dimensions; others have {dimensions}.", nameof(tools));
                }
            }
        }
    }
}
