using System.Text;

namespace Autonomy.Core.Verification;

/// <summary>
/// The small JSON path dialect of comparison and noise: <c>$</c>, then <c>.name</c>, <c>['name']</c>, <c>.*</c>,
/// <c>[n]</c> and <c>[*]</c>. <see cref="Format"/> writes only what <see cref="TryParse"/> reads back.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    /// <summary>Reads a path, or says why it is not one.</summary>
    public static bool TryParse(string path, out JsonPathSegment[] segments, out string? error)
    {
        segments = [];
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            error = "a path starts with '$'";
            return false;
        }

        var parsed = new List<JsonPathSegment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"an empty property name at {start}";
                    return false;
                }

                var name = path[start..i];
                parsed.Add(name == "*" ? JsonPathSegment.AnyProperty : JsonPathSegment.Property(name));
            }
            else if (path[i] == '[')
            {
                if (!TryParseBracket(path, ref i, out var segment, out error))
                {
                    return false;
                }

                parsed.Add(segment);
            }
            else
            {
                error = $"expected '.' or '[' at {i}";
                return false;
            }
        }

        segments = [.. parsed];
        error = null;
        return true;
    }

    /// <summary>Reads a path or throws <see cref="FormatException"/>.</summary>
    public static JsonPathSegment[] Parse(string path) =>
        TryParse(path, out var segments, out var error) ? segments : throw new FormatException($"'{path}' is not a JSON path: {error}.");

    /// <summary>Writes concrete or pattern segments as a path.</summary>
    public static string Format(IReadOnlyList<JsonPathSegment> segments)
    {
        var text = new StringBuilder(Root, 16 + (segments.Count * 8));
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case JsonPathSegmentKind.Property when IsPlainName(segment.Name!):
                    text.Append('.').Append(segment.Name);
                    break;
                case JsonPathSegmentKind.Property:
                    text.Append("['");
                    foreach (var c in segment.Name!)
                    {
                        if (c is '\'' or '\\')
                        {
                            text.Append('\\');
                        }

                        text.Append(c);
                    }

                    text.Append("']");
                    break;
                case JsonPathSegmentKind.Element:
                    text.Append('[').Append(segment.Index).Append(']');
                    break;
                case JsonPathSegmentKind.AnyProperty:
                    text.Append(".*");
                    break;
                default:
                    text.Append("[*]");
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The path with every element index replaced by <c>[*]</c>.</summary>
    public static JsonPathSegment[] Generalize(IReadOnlyList<JsonPathSegment> segments)
    {
        var general = new JsonPathSegment[segments.Count];
        for (var i = 0; i < general.Length; i++)
        {
            general[i] = segments[i].Kind == JsonPathSegmentKind.Element ? JsonPathSegment.AnyElement : segments[i];
        }

        return general;
    }

    private static bool TryParseBracket(string path, ref int i, out JsonPathSegment segment, out string? error)
    {
        segment = default;
        var open = i++;
        if (i < path.Length && path[i] is '\'' or '"')
        {
            var quote = path[i++];
            var name = new StringBuilder();
            while (i < path.Length && path[i] != quote)
            {
                if (path[i] == '\\' && i + 1 < path.Length)
                {
                    i++;
                }

                name.Append(path[i++]);
            }

            if (i + 1 >= path.Length || path[i + 1] != ']')
            {
                error = $"an unterminated quoted name at {open}";
                return false;
            }

            i += 2;
            segment = JsonPathSegment.Property(name.ToString());
            error = null;
            return true;
        }

        var close = path.IndexOf(']', i);
        if (close < 0)
        {
            error = $"an unterminated '[' at {open}";
            return false;
        }

        var inside = path.AsSpan(i, close - i);
        i = close + 1;
        if (inside is "*")
        {
            segment = JsonPathSegment.AnyElement;
            error = null;
            return true;
        }

        if (int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            segment = JsonPathSegment.Element(index);
            error = null;
            return true;
        }

        error = $"'[{inside}]' is neither an index, '*' nor a quoted name";
        return false;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
