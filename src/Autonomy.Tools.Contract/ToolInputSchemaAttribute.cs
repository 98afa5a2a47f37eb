namespace Autonomy.Tools;

/// <summary>The JSON Schema (draft 2020-12) that every input must satisfy. Input that fails it is the caller's fault.</summary>
/// <param name="schema">The schema as JSON text.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ToolInputSchemaAttribute(string schema) : Attribute
{
    /// <summary>The schema as JSON text.</summary>
    public string Schema { get; } = schema;
}
