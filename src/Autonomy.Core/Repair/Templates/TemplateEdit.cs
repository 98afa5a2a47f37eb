namespace Autonomy.Core.Repair.Templates;

/// <summary>One alternative a template proposes: the whole new source, why, and how big the edit is.</summary>
/// <param name="Source">The whole candidate source.</param>
/// <param name="Rationale">The change in one line.</param>
/// <param name="EditSize">Tokens changed or added.</param>
public sealed record TemplateEdit(string Source, string Rationale, int EditSize);
