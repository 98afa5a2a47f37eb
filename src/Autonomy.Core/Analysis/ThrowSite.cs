namespace Autonomy.Core.Analysis;

/// <summary>The syntax on a tool's source line that throws a cluster's exception, found with Roslyn.</summary>
/// <param name="Line">The 1-based source line.</param>
/// <param name="LineText">The line, trimmed.</param>
/// <param name="Member">The enclosing member (method, property, local function).</param>
/// <param name="SyntaxKind">The Roslyn kind of the throwing node (<c>InvocationExpression</c>, <c>ElementAccessExpression</c>, …).</param>
/// <param name="Expression">The throwing expression's text.</param>
/// <param name="Explanation">Why that syntax throws that exception, in words.</param>
public sealed record ThrowSite(int Line, string LineText, string? Member, string SyntaxKind, string Expression, string Explanation);
