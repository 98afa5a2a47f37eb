namespace Autonomy.Core.Verification;

/// <summary>One step of a JSON path: a property, an element, or a wildcard over either.</summary>
internal readonly record struct JsonPathSegment(JsonPathSegmentKind Kind, string? Name, int Index)
{
    public static JsonPathSegment Property(string name) => new(JsonPathSegmentKind.Property, name, -1);

    public static JsonPathSegment Element(int index) => new(JsonPathSegmentKind.Element, null, index);

    public static JsonPathSegment AnyProperty { get; } = new(JsonPathSegmentKind.AnyProperty, null, -1);

    public static JsonPathSegment AnyElement { get; } = new(JsonPathSegmentKind.AnyElement, null, -1);

    /// <summary>Whether this segment, read as a pattern, matches the concrete segment <paramref name="concrete"/>.</summary>
    public bool Matches(JsonPathSegment concrete) => Kind switch
    {
        JsonPathSegmentKind.Property => concrete.Kind == JsonPathSegmentKind.Property && string.Equals(Name, concrete.Name, StringComparison.Ordinal),
        JsonPathSegmentKind.Element => concrete.Kind == JsonPathSegmentKind.Element && Index == concrete.Index,
        JsonPathSegmentKind.AnyProperty => concrete.Kind == JsonPathSegmentKind.Property,
        _ => concrete.Kind == JsonPathSegmentKind.Element,
    };
}

/// <summary>What a <see cref="JsonPathSegment"/> selects.</summary>
internal enum JsonPathSegmentKind
{
    Property,
    Element,
    AnyProperty,
    AnyElement,
}
