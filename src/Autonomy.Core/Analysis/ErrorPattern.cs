namespace Autonomy.Core.Analysis;

/// <summary>
/// A cluster of failures with one signature: outcome, exception type, normalised message (numbers, quoted values,
/// ids masked) and source line. Counted over the sampled failures, not all of them.
/// </summary>
/// <param name="Signature">The cluster's key, readable: <c>ToolError FormatException@59: The DateTime represented by the string '…' …</c>.</param>
/// <param name="Outcome">The outcome of the failures (<c>ToolError</c>, <c>Timeout</c>, <c>WrongOutput</c> for feedback, …).</param>
/// <param name="ExceptionType">The exception's full type name, or null.</param>
/// <param name="NormalizedMessage">The message with variable parts masked.</param>
/// <param name="Line">The tool source line, when known.</param>
/// <param name="Member">The tool member, when known.</param>
/// <param name="Count">Sampled failures in the cluster.</param>
/// <param name="Share">Its share of the sampled failures, 0 to 1.</param>
/// <param name="Versions">The versions it was seen in, ascending.</param>
/// <param name="FirstSeen">The earliest sampled failure.</param>
/// <param name="LastSeen">The latest sampled failure.</param>
/// <param name="ExampleExecutionId">One execution of the cluster, to look at or replay.</param>
/// <param name="ExampleMessage">That execution's message, unmasked.</param>
/// <param name="ExampleInput">That execution's input document (capped as stored).</param>
public sealed record ErrorPattern(
    string Signature,
    string Outcome,
    string? ExceptionType,
    string NormalizedMessage,
    int? Line,
    string? Member,
    int Count,
    double Share,
    IReadOnlyList<int> Versions,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    Guid ExampleExecutionId,
    string? ExampleMessage,
    string? ExampleInput);
