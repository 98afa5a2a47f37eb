using System.Runtime.CompilerServices;
using Autonomy.Core.Analysis;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// The fix-template generator: Roslyn rewrites for exception failures. It finds the throw sites (from the
/// investigation's error clusters, or by running the base version on the failing cases), and for each yields the
/// alternatives its template proposes, smallest and most specific first. When failures come from several sites it
/// also yields one candidate that fixes them all, built from the best alternative at each site. Templates keep the
/// tool's contract: a meaningful result or a clear <c>InvalidToolInputException</c>, never a catch-all.
/// </summary>
public sealed class FixTemplateGenerator : IRepairGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "fix-template";

    /// <summary>The most alternatives tried per site when composing a fix for several sites.</summary>
    public const int MaxAlternativesPerSiteWhenComposing = 8;

    private static readonly Dictionary<string, IFixTemplate> Templates = new IFixTemplate[]
    {
        new NullGuardTemplate(),
        new TryGetValueTemplate(),
        new BoundsCheckTemplate(),
        new ParseFormatsTemplate(),
        new ZeroGuardTemplate(),
        new EmptySequenceTemplate(),
        new OverflowTemplate(),
        new TypeCheckTemplate(),
    }.ToDictionary(t => t.Key, StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <summary>The template keys this generator knows (see <see cref="FixTemplates"/>).</summary>
    public static IReadOnlyCollection<string> TemplateKeys => Templates.Keys;

    /// <inheritdoc />
    public async IAsyncEnumerable<RepairCandidate> GenerateAsync(RepairProblem problem, RepairContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var sites = await FixSiteFinder.FindAsync(problem, context, cancellationToken);
        var document = ToolDocument.Parse(problem.Source);
        var seen = new HashSet<string>(StringComparer.Ordinal) { problem.Source };
        var proposing = 0;
        foreach (var site in sites)
        {
            foreach (var edit in Propose(document, site))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (seen.Add(edit.Source))
                {
                    proposing++;
                    yield return new RepairCandidate(edit.Source, Name, edit.Rationale, edit.EditSize);
                }
            }
        }

        if (sites.Select(s => s.Line).Distinct().Count() > 1 && proposing > 0
            && await ComposeAsync(problem, context, sites, cancellationToken) is { } composed && seen.Add(composed.Source))
        {
            yield return composed;
        }
    }

    /// <summary>The alternatives the site's template proposes that still parse, in the template's order.</summary>
    internal static IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site) =>
        Templates.TryGetValue(site.Template, out var template)
            ? template.Propose(document, site).Where(e => ToolDocument.ParsesCleanly(e.Source))
            : [];

    /// <summary>
    /// One candidate for several sites: from the last line up (an edit never moves the lines above it), the
    /// alternative at each site that best passes that site's failing cases and keeps the passing ones.
    /// </summary>
    private async Task<RepairCandidate?> ComposeAsync(RepairProblem problem, RepairContext context, IReadOnlyList<FixSite> sites, CancellationToken cancellationToken)
    {
        var source = problem.Source;
        var rationales = new List<string>();
        var size = 0;
        foreach (var site in sites.GroupBy(s => s.Line).Select(g => g.First()).OrderByDescending(s => s.Line))
        {
            var cases = problem.FailingCases.Where(c => site.FailingInputs.Contains(c.Input)).Concat(problem.PassingCases).ToList();
            TemplateEdit? best = null;
            var bestFixed = -1;
            foreach (var edit in Propose(ToolDocument.Parse(source), site).Take(MaxAlternativesPerSiteWhenComposing))
            {
                var evaluation = await context.Evaluator.EvaluateAsync(edit.Source, cases, stopAtFirstFailure: true, cancellationToken);
                if (evaluation.Plausible && (evaluation.FixedWithSuccess > bestFixed || evaluation.FixedWithSuccess == bestFixed && edit.EditSize < best!.EditSize))
                {
                    (best, bestFixed) = (edit, evaluation.FixedWithSuccess);
                }
            }

            if (best is not null)
            {
                source = best.Source;
                rationales.Add(best.Rationale);
                size += best.EditSize;
            }
        }

        return rationales.Count > 1 ? new RepairCandidate(source, Name, string.Join("; ", rationales), size) : null;
    }
}
