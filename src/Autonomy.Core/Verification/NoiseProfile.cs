using System.Collections.Immutable;

namespace Autonomy.Core.Verification;

/// <summary>
/// The parts of a tool's output that change between two runs of the same code on the same input (ids, timestamps,
/// random picks), learned as Diffy does: run the old version twice, and whatever differs is noise, not a regression.
/// </summary>
/// <remarks>
/// A path that differs in two or more elements of an array (in one pair or across pairs) is generalised to
/// <c>[*]</c>, so <c>$.items[0].id</c> and <c>$.items[3].id</c> become <c>$.items[*].id</c>. An array whose length
/// differs is noisy as a whole. When the whole output is noise (the two runs differ and are not JSON, one run gave
/// no output, or the root value itself differs) no pair can be judged by its output: see <see cref="IsWholeOutputNoisy"/>.
/// </remarks>
public sealed class NoiseProfile
{
    /// <summary>The most noisy paths kept; more than this and the whole output counts as noise.</summary>
    public const int MaxNoisyPaths = 256;

    // Enough to see every differing field of a realistic output while bounding a pathological one.
    private const int MaxDifferencesPerPair = 10_000;

    private NoiseProfile(ImmutableSortedSet<string> noisyPaths, bool wholeOutputNoisy, int pairs, int noisyPairs)
    {
        NoisyPaths = noisyPaths;
        IsWholeOutputNoisy = wholeOutputNoisy;
        Pairs = pairs;
        NoisyPairs = noisyPairs;
    }

    /// <summary>A profile with no noise.</summary>
    public static NoiseProfile None { get; } = new(ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal), false, 0, 0);

    /// <summary>The JSON paths whose values are noise, in ordinal order; usable as <see cref="ComparisonOptions.IgnoredPaths"/>.</summary>
    public IReadOnlySet<string> NoisyPaths { get; }

    /// <summary>Whether outputs cannot be judged at all: two runs of the same code gave outputs that differ as a whole.</summary>
    public bool IsWholeOutputNoisy { get; }

    /// <summary>How many pairs the profile was learned from.</summary>
    public int Pairs { get; }

    /// <summary>How many of those pairs differed.</summary>
    public int NoisyPairs { get; }

    /// <summary>
    /// Learns the noise from pairs of outputs of the same code on the same input. Pairs compare under
    /// <paramref name="options"/> (default <see cref="ComparisonOptions.Json"/>; <see cref="ComparisonStrategy.Exact"/>
    /// is read as Json), so float jitter within a Semantic tolerance is not noise.
    /// </summary>
    public static NoiseProfile Learn(IEnumerable<(string? First, string? Second)> pairs, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= ComparisonOptions.Json;
        var comparer = new OutputComparer(options with
        {
            Strategy = options.Strategy == ComparisonStrategy.Exact ? ComparisonStrategy.Json : options.Strategy,
            MaxDifferences = MaxDifferencesPerPair,
        });

        var concrete = new Dictionary<string, JsonPathSegment[]>(StringComparer.Ordinal);
        var (count, noisy, whole) = (0, 0, false);
        foreach (var (first, second) in pairs)
        {
            count++;
            var result = comparer.Compare(first, second);
            if (result.Equal)
            {
                continue;
            }

            noisy++;
            foreach (var difference in result.Differences)
            {
                var segments = JsonPath.Parse(difference.Path);

                // An element present on one side only means the array's length is noise: the whole array is.
                if ((difference.Left is null || difference.Right is null)
                    && segments.Length > 0 && segments[^1].Kind == JsonPathSegmentKind.Element)
                {
                    segments = segments[..^1];
                }

                if (segments.Length == 0)
                {
                    whole = true;
                    continue;
                }

                concrete.TryAdd(JsonPath.Format(segments), segments);
            }
        }

        var noisyPaths = Generalize(concrete.Values);
        if (noisyPaths.Count > MaxNoisyPaths)
        {
            whole = true;
        }

        return new NoiseProfile(noisyPaths, whole, count, noisy);
    }

    /// <summary>
    /// <paramref name="options"/> with the noisy paths ignored; <see cref="ComparisonStrategy.Exact"/> becomes
    /// <see cref="ComparisonStrategy.Json"/> when there are paths to ignore, since text comparison cannot skip them.
    /// </summary>
    public ComparisonOptions Apply(ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (NoisyPaths.Count == 0)
        {
            return options;
        }

        var applied = options.WithIgnoredPaths(NoisyPaths);
        return applied.Strategy == ComparisonStrategy.Exact ? applied with { Strategy = ComparisonStrategy.Json } : applied;
    }

    private static ImmutableSortedSet<string> Generalize(IEnumerable<JsonPathSegment[]> concrete)
    {
        var paths = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var group in concrete.GroupBy(segments => JsonPath.Format(JsonPath.Generalize(segments)), StringComparer.Ordinal))
        {
            if (group.Skip(1).Any())
            {
                paths.Add(group.Key);
            }
            else
            {
                paths.Add(JsonPath.Format(group.First()));
            }
        }

        return paths.ToImmutable();
    }
}
