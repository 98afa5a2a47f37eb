using Autonomy.Abstractions.Execution;
using Autonomy.Core.Analysis;
using Autonomy.Core.Execution;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// Finds where the fix templates apply: the investigation's error clusters (exception type, line, template) first,
/// then whatever running the base version on the failing cases shows (each run's exception type and line). The runs
/// also tell which failing inputs fail at which line, which the templates read (date layouts, decimal commas).
/// </summary>
internal static class FixSiteFinder
{
    /// <summary>The most failing cases run to find sites.</summary>
    public const int MaxProbes = 64;

    private static readonly ToolExecutor s_executor = new();

    /// <summary>The sites, most important first.</summary>
    public static async Task<IReadOnlyList<FixSite>> FindAsync(RepairProblem problem, RepairContext context, CancellationToken cancellationToken)
    {
        var probes = await ProbeAsync(problem, context, cancellationToken);
        var features = problem.Investigation?.InputFeatures ?? [];
        var sites = new List<FixSite>();
        var covered = new HashSet<(string?, int)>();

        foreach (var cluster in problem.Investigation?.ErrorClusters ?? [])
        {
            var pattern = cluster.Pattern;
            if ((cluster.Site?.Line ?? pattern.Line) is not { } line
                || FixTemplates.For(pattern.ExceptionType, pattern.ExampleMessage ?? pattern.NormalizedMessage) is not { } template
                || !covered.Add((pattern.ExceptionType, line)))
            {
                continue;
            }

            var inputs = probes.Where(p => p.Line == line && p.Type == pattern.ExceptionType).Select(p => p.Input).ToList();
            if (pattern.ExampleInput is { } example && !inputs.Contains(example))
            {
                inputs.Add(example);
            }

            sites.Add(new FixSite(template, pattern.ExceptionType, pattern.ExampleMessage, line, inputs, features));
        }

        if (sites.Count == 0 && problem.Investigation?.Repair is { Template: { } suggested, SuspiciousLines: var lines })
        {
            foreach (var line in lines.Where(l => covered.Add((null, l))))
            {
                var inputs = probes.Where(p => p.Line == line).Select(p => p.Input).ToList();
                sites.Add(new FixSite(suggested, probes.FirstOrDefault(p => p.Line == line).Type, null, line, inputs, features));
            }
        }

        foreach (var group in probes.GroupBy(p => (p.Type, p.Line)).OrderByDescending(g => g.Count()))
        {
            if (FixTemplates.For(group.Key.Type, group.First().Message) is { } template && covered.Add(group.Key)
                && !sites.Any(s => s.Line == group.Key.Line && s.Template == template))
            {
                sites.Add(new FixSite(template, group.Key.Type, group.First().Message, group.Key.Line, group.Select(p => p.Input).ToList(), features));
            }
        }

        return sites;
    }

    private static async Task<List<(string Type, string Message, int Line, string Input)>> ProbeAsync(RepairProblem problem, RepairContext context, CancellationToken cancellationToken)
    {
        var compiled = await context.Evaluator.Compiler.CompileAsync(problem.Source, cancellationToken);
        if (!compiled.Succeeded)
        {
            return [];
        }

        var failing = problem.FailingCases.Take(MaxProbes).ToList();
        var results = new ExecutionResult[failing.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, failing.Count),
            new ParallelOptions { MaxDegreeOfParallelism = context.Options.EffectiveParallelism, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await s_executor.ExecuteAsync(compiled.Tool!, failing[index].Input, context.Evaluator.Limits, token));
        return results
            .Select((r, i) => (Result: r, failing[i].Input))
            .Where(x => x.Result is { Outcome: ExecutionOutcome.ToolError, Error: { Line: not null } })
            .Select(x => (x.Result.Error!.ExceptionType, x.Result.Error.Message, x.Result.Error.Line!.Value, x.Input))
            .ToList();
    }
}
