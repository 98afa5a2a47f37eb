namespace Autonomy.Tools;

/// <summary>The JSON Schema (draft 2020-12) that every output must satisfy. Output that fails it is the tool's fault.</summary>
/// <param name="schema">The schema as JSON text.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ToolOutputSchemaAttribute(string schema) : Attribute
{
    /// <summary>The schema as JSON text.</summary>
    public string Schema { get; } = schema;
}
