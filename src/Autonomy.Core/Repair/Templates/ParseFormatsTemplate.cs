using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="FormatException"/>: <c>DateTime.ParseExact(text, "M/d/yyyy", …)</c> takes the <c>string[]</c> overload
/// with the formats the failing inputs use (from the investigation's date-layout features, or found by trying
/// day-first, padded and year-first variants of the original format on the failing values), the original format
/// first so that ambiguous inputs keep their meaning; a number <c>Parse</c> reads with the invariant culture, then
/// the culture the failing inputs use (decimal comma), or answers a clear <c>InvalidToolInputException</c>.
/// </summary>
internal sealed partial class ParseFormatsTemplate : IFixTemplate
{
    private static readonly HashSet<string> DateTypes = new(StringComparer.Ordinal) { "DateTime", "DateTimeOffset" };

    private static readonly HashSet<string> NumberTypes = new(StringComparer.Ordinal) { "Int32", "Int64", "Int16", "Byte", "Double", "Single", "Decimal" };

    /// <inheritdoc />
    public string Key => FixTemplates.ParseFormats;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        var values = FailingValues(site);
        foreach (var call in document.ExpressionsOnLine(site.Line).OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax member || document.Model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
            {
                continue;
            }

            var owner = method.ContainingType.Name;
            var edits = method.Name switch
            {
                "ParseExact" when DateTypes.Contains(owner) => ExactDate(document, site, call, member, values),
                "Parse" when DateTypes.Contains(owner) => CultureParse(document, site, call, member, owner, "DateTimeStyles", "None", values),
                "Parse" when NumberTypes.Contains(owner) => CultureParse(document, site, call, member, owner, "NumberStyles", method.ContainingType.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal ? "Float" : "Integer", values),
                _ => [],
            };
            foreach (var edit in edits)
            {
                yield return edit;
            }
        }
    }

    private static IEnumerable<TemplateEdit> ExactDate(ToolDocument document, FixSite site, InvocationExpressionSyntax call, MemberAccessExpressionSyntax member, IReadOnlyList<string> values)
    {
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Count < 2 || document.Model.GetConstantValue(arguments[1].Expression) is not { HasValue: true, Value: string format })
        {
            yield break;
        }

        var culture = arguments.Count > 2 ? arguments[2].Expression.ToString() : document.TypeName("System.Globalization", "CultureInfo") + ".InvariantCulture";
        var styles = arguments.Count > 3 ? arguments[3].Expression.ToString() : document.TypeName("System.Globalization", "DateTimeStyles") + ".None";
        var inferred = InferFormats(format, values, site.Features);
        string Call(IEnumerable<string> formats) =>
            $"{member}({arguments[0].Expression}, new[] {{ {string.Join(", ", formats.Prepend(format).Select(ToolDocument.Literal))} }}, {culture}, {styles})";

        foreach (var extra in inferred)
        {
            yield return new TemplateEdit(document.Replace(call, Call([extra])), $"parse-formats at line {site.Line}: also read \"{extra}\" after \"{format}\" (the failing inputs' layout)", 4);
        }

        if (inferred.Count > 1)
        {
            yield return new TemplateEdit(document.Replace(call, Call(inferred)), $"parse-formats at line {site.Line}: also read {string.Join(", ", inferred.Select(f => $"\"{f}\""))} after \"{format}\"", 2 + 2 * inferred.Count);
        }

        var parsed = document.FreshName("parsed");
        var type = ((MemberAccessExpressionSyntax)call.Expression).Expression;
        var refusal = $"{type}.TryParseExact({arguments[0].Expression}, {ToolDocument.Literal(format)}, {culture}, {styles}, out var {parsed}) ? {parsed} : throw new {document.InvalidInput}($\"'{{{arguments[0].Expression}}}' is not a date in the format {format}.\")";
        yield return new TemplateEdit(document.Replace(call, ToolDocument.InContext(call, refusal)), $"parse-formats at line {site.Line}: refuse a date not in \"{format}\"", 12);
    }

    private static IEnumerable<TemplateEdit> CultureParse(ToolDocument document, FixSite site, InvocationExpressionSyntax call, MemberAccessExpressionSyntax member, string owner, string stylesType, string style, IReadOnlyList<string> values)
    {
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Count == 0)
        {
            yield break;
        }

        var text = arguments[0].Expression;
        var invariant = document.TypeName("System.Globalization", "CultureInfo") + ".InvariantCulture";
        var styles = $"{document.TypeName("System.Globalization", stylesType)}.{style}";
        if (arguments.Count == 1)
        {
            yield return new TemplateEdit(document.Replace(call, $"{member}({text}, {styles}, {invariant})"), $"parse-formats at line {site.Line}: parse with the invariant culture", 4);
        }

        var culture = stylesType == "NumberStyles" && values.Any(v => DecimalComma().IsMatch(v)) ? "de-DE"
            : stylesType == "DateTimeStyles" && values.Any(v => DayFirst().IsMatch(v)) ? "en-GB"
            : null;
        if (culture is not null && SyntaxFacts.IsPure(text))
        {
            var value = document.FreshName("parsed");
            var local = $"{document.TypeName("System.Globalization", "CultureInfo")}.GetCultureInfo(\"{culture}\")";
            var fallback = stylesType == "NumberStyles" ? $"{document.TypeName("System.Globalization", stylesType)}.Number" : styles;
            var replacement = $"{member.Expression}.TryParse({text}, {styles}, {invariant}, out var {value}) ? {value} : {member}({text}, {fallback}, {local})";
            yield return new TemplateEdit(document.Replace(call, ToolDocument.InContext(call, replacement)), $"parse-formats at line {site.Line}: invariant culture, then {culture} as the failing inputs use", 10);
        }

        if (SyntaxFacts.IsPure(text))
        {
            var value = document.FreshName("parsed");
            var kind = owner is "DateTime" or "DateTimeOffset" ? "date" : "number";
            var refusal = $"{member.Expression}.TryParse({text}, {styles}, {invariant}, out var {value}) ? {value} : throw new {document.InvalidInput}($\"'{{{text}}}' is not a valid {kind}.\")";
            yield return new TemplateEdit(document.Replace(call, ToolDocument.InContext(call, refusal)), $"parse-formats at line {site.Line}: TryParse with the invariant culture, refuse what is not a {kind}", 12);
        }
    }

    /// <summary>
    /// Formats that read failing values the original format does not: the investigation's date layouts first, then
    /// variants of the original (components swapped, padded or unpadded, year first), by how little they change it.
    /// </summary>
    internal static IReadOnlyList<string> InferFormats(string original, IReadOnlyList<string> values, IReadOnlyList<InputFeatureFinding> features)
    {
        var candidates = new List<string>();
        var layouts = features.Where(f => f.Feature.StartsWith("date:", StringComparison.Ordinal) && f.Feature.Contains("yy", StringComparison.Ordinal))
            .Select(f => f.Feature[5..])
            .ToList();
        var parts = FormatParts().Matches(original).Select(m => m.Value).ToList();
        var fields = parts.Where(p => char.IsLetter(p[0])).ToList();
        var day = fields.FindIndex(f => f[0] == 'd');
        var month = fields.FindIndex(f => f[0] == 'M');
        if (day >= 0 && month >= 0)
        {
            var swapped = fields.ToList();
            (swapped[month], swapped[day]) = (fields[month].Replace('M', 'd'), fields[day].Replace('d', 'M'));
            var variants = new List<List<string>> { swapped, Pad(swapped), Pad(fields), Unpad(swapped), Unpad(fields) };
            var year = fields.FindIndex(f => f[0] == 'y');
            if (year >= 0)
            {
                variants.Add([fields[year], .. fields.Where((_, i) => i != year && i == month), .. fields.Where((_, i) => i != year && i == day)]);
            }

            // The swap alone keeps the original's leniency about padding, so it comes before the investigation's layouts.
            candidates.Add(Join(parts, swapped));
            candidates.AddRange(layouts);
            candidates.AddRange(variants.Select(v => Join(parts, v)));
        }
        else
        {
            candidates.AddRange(layouts);
        }

        var samples = values.Where(v => !Parses(v, original)).ToList();
        return candidates
            .Where(f => f != original)
            .Distinct(StringComparer.Ordinal)
            .Where(f => samples.Count > 0 ? samples.Any(v => Parses(v, f)) : layouts.Contains(f))
            .OrderByDescending(f => samples.Count(v => Parses(v, f)))
            .ToList();
    }

    private static List<string> Pad(List<string> fields) => fields.Select(f => f is "d" or "M" ? new string(f[0], 2) : f).ToList();

    private static List<string> Unpad(List<string> fields) => fields.Select(f => f is "dd" or "MM" ? f[..1] : f).ToList();

    private static string Join(List<string> parts, List<string> fields)
    {
        var index = 0;
        return string.Concat(parts.Select(p => char.IsLetter(p[0]) && index < fields.Count ? fields[index++] : p));
    }

    private static bool Parses(string value, string format) =>
        DateTime.TryParseExact(value.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The string values in the failing inputs (any depth), where the text a parse call reads is found.</summary>
    private static List<string> FailingValues(FixSite site)
    {
        var values = new List<string>();
        foreach (var input in site.FailingInputs)
        {
            try
            {
                Collect(JsonNode.Parse(input), values);
            }
            catch (JsonException)
            {
                // Not JSON: nothing to learn from it.
            }
        }

        values.AddRange(site.Features.Select(f => f.Example).OfType<string>());
        return values;
    }

    private static void Collect(JsonNode? node, List<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, values);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, values);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                values.Add(text);
                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"([A-Za-z])\1*|[^A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex FormatParts();

    [GeneratedRegex(@"^\s*-?\d{1,3}(\.\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^\s*(1[3-9]|2\d|3[01])[/.-]\d{1,2}[/.-]\d{2,4}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();
}
