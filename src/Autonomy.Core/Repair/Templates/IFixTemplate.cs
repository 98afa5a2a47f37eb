namespace Autonomy.Core.Repair.Templates;

/// <summary>A rewrite for one kind of exception failure.</summary>
internal interface IFixTemplate
{
    /// <summary>The template's key (see <see cref="Analysis.FixTemplates"/>).</summary>
    string Key { get; }

    /// <summary>Alternative whole sources that fix <paramref name="site"/>, smallest and most specific first.</summary>
    IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site);
}
