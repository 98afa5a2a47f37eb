namespace Autonomy.Core.Policy;

/// <summary>One use of something a tool may not touch.</summary>
/// <param name="Rule">The id of the rule that forbids it, such as <c>filesystem</c> or <c>reflection</c>.</param>
/// <param name="Api">The full name of the API or construct, such as <c>System.IO.File.ReadAllText</c> or <c>unsafe</c>.</param>
/// <param name="Message">A sentence a tool author can act on.</param>
/// <param name="Line">The 1-based line in the tool's source.</param>
/// <param name="Column">The 1-based column in the tool's source.</param>
public sealed record PolicyViolation(string Rule, string Api, string Message, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: policy/{Rule}: {Message}";
}
