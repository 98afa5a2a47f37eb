using System.Runtime.InteropServices;
using System.Text.Json;

namespace Autonomy.Core.Verification;

/// <summary>
/// Compares two tool outputs under <see cref="ComparisonOptions"/> and lists the first differences with their JSON
/// paths. An instance parses its ignored paths once and is safe to share between threads.
/// </summary>
/// <remarks>
/// Identical texts are equal without being parsed. An absent (null) output equals only another absent one. Outputs
/// that are not JSON are compared as text. Strings compare ordinally after unescaping. Numbers compare by value:
/// as decimals, cross-checked as doubles so that values beyond decimal's range or scale are not rounded together.
/// </remarks>
public sealed class OutputComparer
{
    /// <summary>Value texts in <see cref="OutputDifference"/> longer than this are shortened.</summary>
    public const int MaxValueLength = 200;

    // Objects with more properties than this are indexed in a dictionary instead of searched per key.
    private const int LinearLookupLimit = 16;

    private readonly JsonPathSegment[][][] _ignoredByLength;
    private readonly bool _semantic;
    private readonly bool _unorderedArrays;

    /// <summary>Creates a comparer; <see cref="ComparisonOptions.Json"/> when <paramref name="options"/> is null.</summary>
    /// <exception cref="ArgumentException">An ignored path is not a JSON path, or a tolerance or the difference cap is negative.</exception>
    public OutputComparer(ComparisonOptions? options = null)
    {
        Options = options ?? ComparisonOptions.Json;
        if (!(Options.RelativeTolerance >= 0) || !(Options.AbsoluteTolerance >= 0))
        {
            throw new ArgumentException("Tolerances must be zero or positive.", nameof(options));
        }

        if (Options.MaxDifferences < 0)
        {
            throw new ArgumentException("MaxDifferences must be zero or positive.", nameof(options));
        }

        var patterns = new List<JsonPathSegment[]>();
        foreach (var path in Options.IgnoredPaths)
        {
            if (!JsonPath.TryParse(path, out var segments, out var error))
            {
                throw new ArgumentException($"The ignored path '{path}' is not a JSON path: {error}.", nameof(options));
            }

            patterns.Add(segments);
        }

        var longest = patterns.Count == 0 ? 0 : patterns.Max(p => p.Length);
        _ignoredByLength = new JsonPathSegment[longest + 1][][];
        for (var length = 0; length <= longest; length++)
        {
            _ignoredByLength[length] = [.. patterns.Where(p => p.Length == length)];
        }

        _semantic = Options.Strategy == ComparisonStrategy.Semantic;
        _unorderedArrays = _semantic && Options.UnorderedArrays;
    }

    /// <summary>The options this comparer applies.</summary>
    public ComparisonOptions Options { get; }

    /// <summary>Compares two outputs under <paramref name="options"/>.</summary>
    public static ComparisonResult Compare(string? left, string? right, ComparisonOptions options) => new OutputComparer(options).Compare(left, right);

    /// <summary>Compares two outputs and lists the first differences.</summary>
    public ComparisonResult Compare(string? left, string? right) => Run(left, right, record: true);

    /// <summary>Whether two outputs are the same; stops at the first difference and lists none.</summary>
    public bool AreEqual(string? left, string? right) => Run(left, right, record: false).Equal;

    private ComparisonResult Run(string? left, string? right, bool record)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return new ComparisonResult(true, [], false, Options.Strategy);
        }

        if (Options.Strategy == ComparisonStrategy.Exact || left is null || right is null)
        {
            return Textual(left, right, record);
        }

        using var leftDocument = TryParse(left);
        using var rightDocument = leftDocument is null ? null : TryParse(right);
        if (leftDocument is null || rightDocument is null)
        {
            return Textual(left, right, record);
        }

        if (_ignoredByLength[0].Length > 0)
        {
            return new ComparisonResult(true, [], false, Options.Strategy);
        }

        var walk = new Walk(record ? Options.MaxDifferences : -1);
        CompareValues(leftDocument.RootElement, rightDocument.RootElement, walk);
        return new ComparisonResult(!walk.Found, walk.Differences is { } list ? list : [], walk.Truncated, Options.Strategy);
    }

    private ComparisonResult Textual(string? left, string? right, bool record)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return new ComparisonResult(true, [], false, ComparisonStrategy.Exact);
        }

        var truncated = record && Options.MaxDifferences == 0;
        IReadOnlyList<OutputDifference> differences = record && !truncated ? [new OutputDifference(JsonPath.Root, Shorten(left), Shorten(right))] : [];
        return new ComparisonResult(false, differences, truncated, ComparisonStrategy.Exact);
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void CompareValues(JsonElement left, JsonElement right, Walk walk)
    {
        if (left.ValueKind != right.ValueKind)
        {
            walk.Report(left, right);
            return;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                CompareObjects(left, right, walk);
                break;
            case JsonValueKind.Array when _unorderedArrays:
                CompareUnorderedArrays(left, right, walk);
                break;
            case JsonValueKind.Array:
                CompareOrderedArrays(left, right, walk);
                break;
            case JsonValueKind.String when !StringsEqual(left, right):
            case JsonValueKind.Number when !NumbersEqual(left, right):
                walk.Report(left, right);
                break;
            default:
                // true, false and null: equal kinds are equal values.
                break;
        }
    }

    private void CompareObjects(JsonElement left, JsonElement right, Walk walk)
    {
        var rightIndex = right.GetPropertyCount() > LinearLookupLimit ? Index(right) : null;
        foreach (var property in left.EnumerateObject())
        {
            walk.Path.Add(JsonPathSegment.Property(property.Name));
            if (!IsIgnored(walk.Path))
            {
                if (TryGetProperty(right, rightIndex, property.Name, out var other))
                {
                    CompareValues(property.Value, other, walk);
                }
                else
                {
                    walk.Report(property.Value, null);
                }
            }

            walk.Path.RemoveAt(walk.Path.Count - 1);
            if (walk.Stopped)
            {
                return;
            }
        }

        var leftIndex = left.GetPropertyCount() > LinearLookupLimit ? Index(left) : null;
        foreach (var property in right.EnumerateObject())
        {
            if (TryGetProperty(left, leftIndex, property.Name, out _))
            {
                continue;
            }

            walk.Path.Add(JsonPathSegment.Property(property.Name));
            if (!IsIgnored(walk.Path))
            {
                walk.Report(null, property.Value);
            }

            walk.Path.RemoveAt(walk.Path.Count - 1);
            if (walk.Stopped)
            {
                return;
            }
        }
    }

    private void CompareOrderedArrays(JsonElement left, JsonElement right, Walk walk)
    {
        var leftItems = left.EnumerateArray();
        var rightItems = right.EnumerateArray();
        for (var i = 0; ; i++)
        {
            var hasLeft = leftItems.MoveNext();
            var hasRight = rightItems.MoveNext();
            if (!hasLeft && !hasRight)
            {
                return;
            }

            walk.Path.Add(JsonPathSegment.Element(i));
            if (!IsIgnored(walk.Path))
            {
                if (hasLeft && hasRight)
                {
                    CompareValues(leftItems.Current, rightItems.Current, walk);
                }
                else
                {
                    walk.Report(hasLeft ? leftItems.Current : null, hasRight ? rightItems.Current : null);
                }
            }

            walk.Path.RemoveAt(walk.Path.Count - 1);
            if (walk.Stopped)
            {
                return;
            }
        }
    }

    // Greedy multiset matching: O(n * m) probes, each stopping at its first difference. Elements ignored by a path
    // (by their own index on each side) take no part.
    private void CompareUnorderedArrays(JsonElement left, JsonElement right, Walk walk)
    {
        var lefts = Elements(left, walk);
        var rights = Elements(right, walk);
        var matched = new bool[rights.Count];
        var unmatchedLefts = new List<(int Index, JsonElement Value)>();
        foreach (var (index, value) in lefts)
        {
            var found = false;
            for (var j = 0; j < rights.Count && !found; j++)
            {
                if (!matched[j] && ProbeEqual(value, rights[j].Value, JsonPathSegment.Element(index), walk))
                {
                    matched[j] = true;
                    found = true;
                }
            }

            if (!found)
            {
                unmatchedLefts.Add((index, value));
            }
        }

        var unmatchedRights = rights.Where((_, j) => !matched[j]).ToList();
        for (var k = 0; k < Math.Max(unmatchedLefts.Count, unmatchedRights.Count); k++)
        {
            var hasLeft = k < unmatchedLefts.Count;
            var hasRight = k < unmatchedRights.Count;
            walk.Path.Add(JsonPathSegment.Element(hasLeft ? unmatchedLefts[k].Index : unmatchedRights[k].Index));
            walk.Report(hasLeft ? unmatchedLefts[k].Value : null, hasRight ? unmatchedRights[k].Value : null);
            walk.Path.RemoveAt(walk.Path.Count - 1);
            if (walk.Stopped)
            {
                return;
            }
        }
    }

    private bool ProbeEqual(JsonElement left, JsonElement right, JsonPathSegment segment, Walk walk)
    {
        var saved = walk.BeginProbe(segment);
        CompareValues(left, right, walk);
        return walk.EndProbe(saved);
    }

    private List<(int Index, JsonElement Value)> Elements(JsonElement array, Walk walk)
    {
        var elements = new List<(int, JsonElement)>(array.GetArrayLength());
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            walk.Path.Add(JsonPathSegment.Element(i));
            if (!IsIgnored(walk.Path))
            {
                elements.Add((i, element));
            }

            walk.Path.RemoveAt(walk.Path.Count - 1);
            i++;
        }

        return elements;
    }

    private static bool StringsEqual(JsonElement left, JsonElement right)
    {
        var leftRaw = JsonMarshal.GetRawUtf8Value(left);
        var rightRaw = JsonMarshal.GetRawUtf8Value(right);
        if (leftRaw.SequenceEqual(rightRaw))
        {
            return true;
        }

        // Without escapes, different raw bytes are different strings; with them, compare the unescaped values.
        return (leftRaw.Contains((byte)'\\') || rightRaw.Contains((byte)'\\')) && left.ValueEquals(right.GetString());
    }

    private bool NumbersEqual(JsonElement left, JsonElement right)
    {
        if (JsonMarshal.GetRawUtf8Value(left).SequenceEqual(JsonMarshal.GetRawUtf8Value(right)))
        {
            return true;
        }

        var asDecimals = left.TryGetDecimal(out var leftDecimal) & right.TryGetDecimal(out var rightDecimal);
        var asDoubles = TryGetFinite(left, out var leftDouble) & TryGetFinite(right, out var rightDouble);

        // Decimal is exact within its range; the double check keeps values decimal rounds to the same (1e-30, 2e-30) apart.
        var equal = asDecimals
            ? leftDecimal == rightDecimal && (!asDoubles || leftDouble == rightDouble)
            : asDoubles && leftDouble == rightDouble;
        return equal || (_semantic && asDoubles && WithinTolerance(leftDouble, rightDouble));
    }

    private static bool TryGetFinite(JsonElement number, out double value) => number.TryGetDouble(out value) && double.IsFinite(value);

    private bool WithinTolerance(double left, double right)
    {
        var gap = Math.Abs(left - right);
        return gap <= Options.AbsoluteTolerance || gap <= Options.RelativeTolerance * Math.Max(Math.Abs(left), Math.Abs(right));
    }

    private bool IsIgnored(List<JsonPathSegment> path)
    {
        if (path.Count >= _ignoredByLength.Length)
        {
            return false;
        }

        foreach (var pattern in _ignoredByLength[path.Count])
        {
            var matches = true;
            for (var i = 0; i < pattern.Length && matches; i++)
            {
                matches = pattern[i].Matches(path[i]);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, JsonElement> Index(JsonElement obj)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            index[property.Name] = property.Value;
        }

        return index;
    }

    private static bool TryGetProperty(JsonElement obj, Dictionary<string, JsonElement>? index, string name, out JsonElement value) =>
        index is null ? obj.TryGetProperty(name, out value) : index.TryGetValue(name, out value);

    internal static string? Shorten(string? text) =>
        text is null || text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");

    /// <summary>The state of one comparison: the current path and what was found.</summary>
    private sealed class Walk(int maxDifferences)
    {
        private bool _probing;

        public List<JsonPathSegment> Path { get; } = [];

        /// <summary>Null when only equality is asked (stop at the first difference).</summary>
        public List<OutputDifference>? Differences { get; } = maxDifferences >= 0 ? [] : null;

        public bool Found { get; private set; }

        public bool Stopped { get; private set; }

        public bool Truncated { get; private set; }

        public void Report(JsonElement? left, JsonElement? right)
        {
            Found = true;
            if (_probing || Differences is null)
            {
                Stopped = true;
            }
            else if (Differences.Count >= maxDifferences)
            {
                Truncated = true;
                Stopped = true;
            }
            else
            {
                Differences.Add(new OutputDifference(JsonPath.Format(Path), Shorten(left?.GetRawText()), Shorten(right?.GetRawText())));
            }
        }

        /// <summary>Starts a comparison at <paramref name="segment"/> below the current path that records nothing and stops at its first difference.</summary>
        public (bool Found, bool Stopped, bool Probing) BeginProbe(JsonPathSegment segment)
        {
            var saved = (Found, Stopped, _probing);
            (Found, Stopped, _probing) = (false, false, true);
            Path.Add(segment);
            return saved;
        }

        /// <summary>Ends the probe <see cref="BeginProbe"/> started and says whether it found no difference.</summary>
        public bool EndProbe((bool Found, bool Stopped, bool Probing) saved)
        {
            Path.RemoveAt(Path.Count - 1);
            var equal = !Found;
            (Found, Stopped, _probing) = saved;
            return equal;
        }
    }
}
