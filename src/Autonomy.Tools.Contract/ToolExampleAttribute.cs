namespace Autonomy.Tools;

/// <summary>
/// A declared example: an input and, where known, the output it must produce (compared as JSON).
/// Examples document the tool and become synthetic test cases.
/// </summary>
/// <param name="input">The input as JSON text.</param>
/// <param name="expectedOutput">The expected output as JSON text, or <see langword="null"/> when unknown.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ToolExampleAttribute(string input, string? expectedOutput = null) : Attribute
{
    /// <summary>The input as JSON text.</summary>
    public string Input { get; } = input;

    /// <summary>The expected output as JSON text, if known.</summary>
    public string? ExpectedOutput { get; } = expectedOutput;
}
