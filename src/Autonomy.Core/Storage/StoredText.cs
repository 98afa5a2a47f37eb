namespace Autonomy.Core.Storage;

/// <summary>A two-way map between an enumeration and the text a column stores for it.</summary>
internal sealed class StoredText<T>(string what, params (T Value, string Text)[] pairs)
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _texts = pairs.ToDictionary(p => p.Value, p => p.Text);
    private readonly Dictionary<string, T> _values = pairs.ToDictionary(p => p.Text, p => p.Value, StringComparer.Ordinal);

    public string Of(T value) =>
        _texts.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a known {what}.");

    public T Parse(string text) =>
        _values.TryGetValue(text, out var value) ? value : throw new InvalidOperationException($"Unknown {what} '{text}' in the database.");
}
