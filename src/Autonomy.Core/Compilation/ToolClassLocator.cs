using System.Text.Json;
using System.Text.RegularExpressions;
using Autonomy.Abstractions.Tools;
using Microsoft.CodeAnalysis;

namespace Autonomy.Core.Compilation;

/// <summary>
/// Finds the one tool class in a source and reads its metadata from its attributes, without running any code.
/// Reports contract problems as <c>AUT</c> diagnostics.
/// </summary>
internal static partial class ToolClassLocator
{
    /// <summary>The result of locating the tool class.</summary>
    internal sealed record Located(INamedTypeSymbol? ToolClass, ToolMetadata? Metadata, ToolSchema? InputSchema, ToolSchema? OutputSchema);

    public static Located Locate(Microsoft.CodeAnalysis.Compilation compilation, SyntaxTree tree, List<ToolDiagnostic> diagnostics)
    {
        var toolInterface = compilation.GetTypeByMetadataName("Autonomy.Tools.ITool");
        if (toolInterface is null)
        {
            diagnostics.Add(Error("AUT000", "The tool contract assembly is not referenced.", Location.None));
            return new Located(null, null, null, null);
        }

        var model = compilation.GetSemanticModel(tree);
        var candidates = tree.GetRoot().DescendantNodes()
            .Select(node => model.GetDeclaredSymbol(node) as INamedTypeSymbol)
            .Where(type => type is { TypeKind: TypeKind.Class, IsAbstract: false, DeclaredAccessibility: Accessibility.Public }
                && type.AllInterfaces.Contains(toolInterface, SymbolEqualityComparer.Default))
            .Distinct(SymbolEqualityComparer.Default)
            .Cast<INamedTypeSymbol>()
            .ToList();

        if (candidates.Count == 0)
        {
            diagnostics.Add(Error("AUT001", "No tool class: the source needs one public, non-abstract class that implements Autonomy.Tools.ITool.", Location.None));
            return new Located(null, null, null, null);
        }

        if (candidates.Count > 1)
        {
            foreach (var extra in candidates)
            {
                diagnostics.Add(Error("AUT002", $"More than one tool class ({string.Join(", ", candidates.Select(c => c.Name))}): a tool source holds exactly one.", extra.Locations[0]));
            }

            return new Located(null, null, null, null);
        }

        var toolClass = candidates[0];
        var location = toolClass.Locations[0];
        var before = diagnostics.Count;
        if (toolClass.IsGenericType || toolClass.ContainingType is not null)
        {
            diagnostics.Add(Error("AUT007", $"The tool class {toolClass.Name} must be a top-level, non-generic class.", location));
        }

        if (!toolClass.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            diagnostics.Add(Error("AUT007", $"The tool class {toolClass.Name} needs a public constructor without parameters.", location));
        }

        var attributes = toolClass.GetAttributes();
        var tool = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Autonomy.Tools.ToolAttribute");
        if (tool is null || tool.ConstructorArguments.Length < 2
            || tool.ConstructorArguments[0].Value is not string name || tool.ConstructorArguments[1].Value is not string description)
        {
            diagnostics.Add(Error("AUT003", $"The tool class {toolClass.Name} needs a [Tool(\"name\", \"description\")] attribute.", location));
            return new Located(toolClass, null, null, null);
        }

        if (!ToolNamePattern().IsMatch(name))
        {
            diagnostics.Add(Error("AUT004", $"The tool name '{name}' is not valid: use 1 to 64 lower-case letters, digits and underscores, starting with a letter.", location));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            diagnostics.Add(Error("AUT004", "The tool description is empty: say what the tool does.", location));
        }

        var inputSchema = ReadSchema(attributes, "Autonomy.Tools.ToolInputSchemaAttribute", "input", location, diagnostics);
        var outputSchema = ReadSchema(attributes, "Autonomy.Tools.ToolOutputSchemaAttribute", "output", location, diagnostics);
        var examples = ReadExamples(attributes, location, diagnostics);
        if (diagnostics.Count > before)
        {
            return new Located(toolClass, null, null, null);
        }

        var metadata = new ToolMetadata(name, description, inputSchema?.Text, outputSchema?.Text, examples);
        return new Located(toolClass, metadata, inputSchema, outputSchema);
    }

    private static ToolSchema? ReadSchema(IEnumerable<AttributeData> attributes, string attributeName, string kind, Location location, List<ToolDiagnostic> diagnostics)
    {
        var attribute = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);
        if (attribute is null || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string text)
        {
            return null;
        }

        if (!ToolSchema.TryCreate(text, out var schema, out var error))
        {
            diagnostics.Add(Error("AUT005", $"The {kind} schema is not a valid JSON Schema: {error}", AttributeLocation(attribute, location)));
        }

        return schema;
    }

    private static List<ToolExampleCase> ReadExamples(IEnumerable<AttributeData> attributes, Location location, List<ToolDiagnostic> diagnostics)
    {
        var examples = new List<ToolExampleCase>();
        foreach (var attribute in attributes.Where(a => a.AttributeClass?.ToDisplayString() == "Autonomy.Tools.ToolExampleAttribute"))
        {
            var input = attribute.ConstructorArguments.ElementAtOrDefault(0).Value as string;
            var expected = attribute.ConstructorArguments.ElementAtOrDefault(1).Value as string;
            var at = AttributeLocation(attribute, location);
            if (input is null)
            {
                diagnostics.Add(Error("AUT006", "An example has no input.", at));
                continue;
            }

            if (!IsJson(input, out var inputError))
            {
                diagnostics.Add(Error("AUT006", $"An example's input is not JSON: {inputError}", at));
                continue;
            }

            if (expected is not null && !IsJson(expected, out var expectedError))
            {
                diagnostics.Add(Error("AUT006", $"An example's expected output is not JSON: {expectedError}", at));
                continue;
            }

            examples.Add(new ToolExampleCase(input, expected));
        }

        return examples;
    }

    private static bool IsJson(string text, out string? error)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Location AttributeLocation(AttributeData attribute, Location fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;

    internal static ToolDiagnostic Error(string code, string message, Location location)
    {
        var (line, column) = Position(location);
        return new ToolDiagnostic("error", code, message, line, column);
    }

    internal static (int Line, int Column) Position(Location location)
    {
        if (!location.IsInSource)
        {
            return (0, 0);
        }

        var start = location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolNamePattern();
}
