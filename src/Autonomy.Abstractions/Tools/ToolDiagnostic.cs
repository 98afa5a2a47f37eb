namespace Autonomy.Abstractions.Tools;

/// <summary>A problem found in a tool's source: a compiler error, a policy violation or a contract problem.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">A compiler id (<c>CS1002</c>), <c>policy/&lt;rule&gt;</c>, or a tool-contract id (<c>AUT001</c>).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Line">1-based line, 0 when the problem has no location.</param>
/// <param name="Column">1-based column, 0 when the problem has no location.</param>
/// <param name="Api">For a policy violation, the full name of the forbidden API or construct.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-diagnostic")]
public sealed record ToolDiagnostic(
    [property: Id(0)] string Severity,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message,
    [property: Id(3)] int Line,
    [property: Id(4)] int Column,
    [property: Id(5)] string? Api = null)
{
    /// <summary>Whether this diagnostic stops the tool from becoming a version.</summary>
    public bool IsError => string.Equals(Severity, "error", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: {Severity} {Code}: {Message}";
}
