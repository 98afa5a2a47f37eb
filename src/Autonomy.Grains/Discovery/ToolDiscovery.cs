using Autonomy.Abstractions.Grains;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;
using Autonomy.Core.Discovery;
using Autonomy.Core.Storage;
using Autonomy.Core.Text;

namespace Autonomy.Grains.Discovery;

/// <summary>
/// The silo's discovery index: every tool's newest version, embedded once per version with the configured
/// <see cref="ITextEmbedder"/> (from its name, description and schemas, <see cref="ToolDocument"/>) and stored in
/// <c>tool_embeddings</c>, held in an <see cref="EmbeddingIndex"/>. Before each use it asks the version store which
/// versions are newest (one cheap read) and embeds only what changed. Each entry's duplicate fingerprint (MinHash of
/// its source, normalised embedding) is computed with it, once per version, so finding duplicates only compares stored
/// fingerprints. Thread-safe: refreshes are serialised, searches run concurrently.
/// </summary>
public sealed class ToolDiscovery(
    IToolVersionStore versions,
    IEmbeddingStore embeddings,
    IExecutionStore executions,
    ToolCompiler compiler,
    TimeProvider time,
    ITextEmbedder? embedder = null) : IDisposable
{
    /// <summary>How far back a duplicate pair's usage is read.</summary>
    public static readonly TimeSpan UsageWindow = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Thread-safe and holds no tools; it keeps its semantic hasher between calls.
    private readonly DuplicateFinder _finder = new();
    private EmbeddingIndex? _index;

    private string Model => embedder is null ? "none" : $"{embedder.GetType().Name}/{embedder.Dimensions}";

    /// <summary>The tools that best match <paramref name="query"/>.</summary>
    /// <exception cref="InvalidOperationException">No embedding model is registered.</exception>
    public async Task<IReadOnlyList<ToolSearchResult>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var model = embedder ?? throw new InvalidOperationException("no embedding model is configured on this silo");
        await RefreshAsync(cancellationToken);
        var vector = model.Embed(query);
        var hits = _index!.Search(vector, Math.Max(1, limit));
        lock (_entries)
        {
            return [.. hits.Where(h => _entries.ContainsKey(h.Key)).Select(h => new ToolSearchResult(h.Key, _entries[h.Key].Version, Math.Round(h.Score, 4), _entries[h.Key].Metadata.Description))];
        }
    }

    /// <summary>The duplicate pairs among the tools' newest versions, with what to keep.</summary>
    public async Task<IReadOnlyList<DuplicateReport>> FindDuplicatesAsync(int limit, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        List<Entry> entries;
        lock (_entries)
        {
            entries = [.. _entries.Values];
        }

        // An entry without a fingerprint had an embedding the finder refuses; fingerprinting it again throws that error here.
        var fingerprints = entries.Select(e => e.Fingerprint ?? _finder.Fingerprint(e.Name, e.Source, e.Vector)).ToList();
        var byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var usage = new Dictionary<string, (DuplicateSide Side, ToolUsageFacts Facts)>(StringComparer.Ordinal);
        var reports = new List<DuplicateReport>();
        foreach (var pair in _finder.Find(fingerprints).Take(Math.Max(1, limit)))
        {
            var (a, b) = (byName[pair.A], byName[pair.B]);
            var (sideA, factsA) = await UsageAsync(a, usage, cancellationToken);
            var (sideB, factsB) = await UsageAsync(b, usage, cancellationToken);
            var advice = ConsolidationAdvice.Recommend(factsA, factsB);
            reports.Add(new DuplicateReport(
                sideA,
                sideB,
                pair.SemanticSimilarity is { } s ? Math.Round(s, 4) : null,
                Math.Round(pair.StructuralSimilarity, 4),
                pair.Reason,
                advice.Keep,
                advice.Retire,
                advice.Reason,
                LineDiff.Unified(a.Source, b.Source, $"{a.Name} v{a.Version}", $"{b.Name} v{b.Version}")));
        }

        return reports;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _refresh.Dispose();
        _index?.Dispose();
    }

    /// <summary>A tool's usage over <see cref="UsageWindow"/>, read once per <paramref name="read"/> (one duplicate search).</summary>
    private async Task<(DuplicateSide Side, ToolUsageFacts Facts)> UsageAsync(
        Entry entry,
        Dictionary<string, (DuplicateSide Side, ToolUsageFacts Facts)> read,
        CancellationToken cancellationToken)
    {
        if (read.TryGetValue(entry.Name, out var known))
        {
            return known;
        }

        var now = time.GetUtcNow();
        var rollups = await executions.ReadRollupsAsync(entry.Name, null, now - UsageWindow, now + ExecutionRollup.BucketWidth, cancellationToken);
        var total = rollups.Sum(r => r.Total);
        var attributable = rollups.Sum(r => r.Attributable);
        var successes = rollups.Sum(r => (long)r.SuccessCount);
        double? rate = attributable == 0 ? null : (double)successes / attributable;
        DateTimeOffset? lastUsed = rollups.Count == 0 ? null : rollups.Max(r => r.BucketStart);
        var side = new DuplicateSide(entry.Name, entry.Version, entry.Metadata.Description, entry.Metadata.InputSchema, total, rate, lastUsed);
        var usage = (side, new ToolUsageFacts(entry.Name, total, rate ?? 0, lastUsed, entry.Version, entry.CreatedAt));
        read[entry.Name] = usage;
        return usage;
    }

    /// <summary>Brings the index up to the tools' newest versions: compiles, embeds and fingerprints only new versions.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var listings = await versions.ListToolsAsync(cancellationToken);
            var stale = listings.Where(l => !_entries.TryGetValue(l.ToolName, out var e) || e.Version != l.LatestVersion).ToList();
            if (stale.Count == 0 && _index is not null)
            {
                return;
            }

            var stored = embedder is null ? [] : (await embeddings.ListLatestAsync(Model, cancellationToken)).ToDictionary(e => e.ToolName, StringComparer.Ordinal);
            _index ??= new EmbeddingIndex(embedder?.Dimensions ?? 1, Math.Max(16, listings.Count));
            foreach (var listing in stale)
            {
                var version = await versions.GetAsync(listing.ToolName, listing.LatestVersion, cancellationToken);
                var compiled = version is null ? null : await compiler.CompileAsync(version.Source, cancellationToken);
                if (compiled?.Tool is not { } tool)
                {
                    continue;
                }

                float[]? vector = null;
                if (embedder is not null)
                {
                    if (stored.TryGetValue(listing.ToolName, out var saved) && saved.Version == listing.LatestVersion)
                    {
                        vector = saved.Vector;
                    }
                    else
                    {
                        // Once per version and model: every silo finds it in the table afterwards.
                        vector = embedder.Embed(ToolDocument.Text(tool.Metadata));
                        await embeddings.SaveAsync(listing.ToolName, listing.LatestVersion, Model, vector, cancellationToken);
                    }

                    _index.AddOrReplace(listing.ToolName, vector);
                }

                var fingerprint = Fingerprint(listing.ToolName, version!.Source, vector);
                lock (_entries)
                {
                    _entries[listing.ToolName] = new Entry(listing.ToolName, listing.LatestVersion, version.Source, tool.Metadata, vector, fingerprint, listing.CreatedAt);
                }
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The duplicate fingerprint of a tool version, or <see langword="null"/> when the finder refuses its embedding
    /// (not finite, or all zeros). Such a tool still serves searches; finding duplicates reports the error, as before.
    /// </summary>
    private ToolFingerprint? Fingerprint(string name, string source, float[]? vector)
    {
        try
        {
            return _finder.Fingerprint(name, source, vector);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Fingerprint: what the duplicate finder compares, computed once per version; null when it refused the embedding.
    private sealed record Entry(string Name, int Version, string Source, ToolMetadata Metadata, float[]? Vector, ToolFingerprint? Fingerprint, DateTimeOffset CreatedAt);
}
