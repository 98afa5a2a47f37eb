namespace Autonomy.Abstractions.Execution;

/// <summary>What a tool threw.</summary>
/// <param name="ExceptionType">The exception's full type name.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Line">The line in the tool's source where it was thrown, when known.</param>
/// <param name="Member">The tool member that threw, when known.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-error")]
public sealed record ToolErrorInfo(
    [property: Id(0)] string ExceptionType,
    [property: Id(1)] string Message,
    [property: Id(2)] int? Line,
    [property: Id(3)] string? Member);
