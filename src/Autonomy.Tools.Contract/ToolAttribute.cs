namespace Autonomy.Tools;

/// <summary>Names and describes a tool. Required on the tool class.</summary>
/// <param name="name">The tool's name: lower-case letters, digits and underscores, starting with a letter.</param>
/// <param name="description">What the tool does, in one or two sentences, for people and for discovery.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ToolAttribute(string name, string description) : Attribute
{
    /// <summary>The tool's name, unique in a cluster.</summary>
    public string Name { get; } = name;

    /// <summary>What the tool does.</summary>
    public string Description { get; } = description;
}
