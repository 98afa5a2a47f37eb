using Autonomy.Core.Analysis;

namespace Autonomy.Core.Repair.Templates;

/// <summary>A failure a fix template answers: a template at a source line, with what is known of the failures there.</summary>
/// <param name="Template">The template's key (see <see cref="FixTemplates"/>).</param>
/// <param name="ExceptionType">The exception's full type name, when known.</param>
/// <param name="Message">One of the exceptions' messages, when known.</param>
/// <param name="Line">The 1-based line that throws.</param>
/// <param name="FailingInputs">Input documents that fail there.</param>
/// <param name="Features">The investigation's input features that go with failure (date layouts, decimal commas, …).</param>
public sealed record FixSite(
    string Template,
    string? ExceptionType,
    string? Message,
    int Line,
    IReadOnlyList<string> FailingInputs,
    IReadOnlyList<InputFeatureFinding> Features);
