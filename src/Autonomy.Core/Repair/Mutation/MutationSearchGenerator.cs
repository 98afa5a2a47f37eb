using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// Mutation search guided by fault localisation, for wrong outputs and for failures no template explains.
/// <list type="number">
/// <item>Localise: a build of the tool with a probe before every statement runs the given cases; lines are ranked by
/// Ochiai (<see cref="FaultLocalizer"/>), after the investigation's suspicious lines.</item>
/// <item>Mutate the ranked lines with the operators of <see cref="MutationKind"/>, and compile all the mutants into one
/// schema (<see cref="MutantSchemaBuilder"/>): a mutant is a switch on its id, so one compile serves thousands.</item>
/// <item>Run every mutant on the cases in parallel under the sandbox budgets, failing cases first, stopping each
/// at its first failed case; then, if no single edit passes, pairs of edits at the most suspicious sites.</item>
/// </list>
/// It yields only the mutants that passed every given case, as plain sources (the edit applied to the original),
/// smallest edit first, and the engine checks them again like any candidate.
/// </summary>
public sealed class MutationSearchGenerator : IRepairGenerator
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private readonly MutationSearchOptions _options;
    private readonly ToolPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ToolExecutor _executor = new();
    private MutationSearchStatistics? _lastStatistics;

    /// <summary>Creates the generator.</summary>
    /// <param name="options">The search's bounds (defaults when null).</param>
    /// <param name="policy">The policy mutants are checked against: the one the silo's compiler uses (the built-in one when null).</param>
    /// <param name="time">The clock for statistics (the system clock when null).</param>
    public MutationSearchGenerator(MutationSearchOptions? options = null, ToolPolicy? policy = null, TimeProvider? time = null)
    {
        _options = options ?? new MutationSearchOptions();
        _policy = policy ?? ToolPolicy.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "mutation";

    /// <summary>The statistics of the last search that finished (schema compiles, mutants evaluated, candidates per second).</summary>
    public MutationSearchStatistics? LastStatistics => Volatile.Read(ref _lastStatistics);

    /// <inheritdoc />
    public async IAsyncEnumerable<RepairCandidate> GenerateAsync(RepairProblem problem, RepairContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var search = new Search(this, problem, context);
        try
        {
            var found = await Task.Run(() => search.RunAsync(cancellationToken), cancellationToken);
            foreach (var candidate in found)
            {
                yield return candidate;
            }
        }
        finally
        {
            search.Dispose();
        }
    }

    /// <summary>One search: its state, its statistics, and the schemata it loaded (unloaded at the end).</summary>
    private sealed class Search(MutationSearchGenerator owner, RepairProblem problem, RepairContext context) : IDisposable
    {
        private readonly List<CompiledTool> _loaded = [];
        private readonly long _started = owner._time.GetTimestamp();
        private int _compiles;
        private int _generated;
        private int _compiled;
        private int _singles;
        private int _pairs;
        private int _plausible;
        private long _executions;
        private int _budgetStops;
        private TimeSpan _localisation;
        private TimeSpan _evaluation;
        private IReadOnlyList<LineSuspiciousness> _ranking = [];

        public async Task<IReadOnlyList<RepairCandidate>> RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await SearchAsync(cancellationToken);
            }
            finally
            {
                var elapsed = owner._time.GetElapsedTime(_started);
                Volatile.Write(ref owner._lastStatistics, new MutationSearchStatistics(
                    _compiles, _generated, _compiled, _singles, _pairs, _executions, _budgetStops, _plausible, _localisation, elapsed - _localisation, _evaluation, _ranking));
            }
        }

        public void Dispose()
        {
            foreach (var tool in _loaded)
            {
                tool.Unload();
            }
        }

        private async Task<IReadOnlyList<RepairCandidate>> SearchAsync(CancellationToken cancellationToken)
        {
            var tree = CSharpSyntaxTree.ParseText(problem.Source, s_parseOptions, "tool.cs", cancellationToken: cancellationToken);
            var compilation = CSharpCompilation.Create("original", [tree], ToolReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot(cancellationToken);
            if (MutantSchemaBuilder.FindToolClass(model) is not { } toolClass)
            {
                return [];
            }

            // 1. Localise.
            Report("localising");
            var probes = MutantSchemaBuilder.ProbedStatements(root);
            var coverageRoot = MutantSchemaBuilder.Build(root, [], toolClass.Declaration, toolClass.FullName, probes);
            var coverage = MutantSchemaCompiler.Compile(coverageRoot, owner._policy, emit: true);
            _compiles++;
            if (coverage.Tool is null)
            {
                return [];
            }

            _loaded.Add(coverage.Tool);
            var cases = problem.FailingCases.Concat(problem.PassingCases).ToList();
            var ranked = await LocaliseAsync(new MutantRunner(coverage.Tool, owner._executor, context.Evaluator.Limits), cases, probes, root, cancellationToken);
            _localisation = owner._time.GetElapsedTime(_started);
            if (ranked.Count == 0)
            {
                return [];
            }

            // 2. Mutate the ranked lines, most suspicious first, into one schema.
            var rankOf = ranked.Select((line, index) => (line, index)).ToDictionary(p => p.line, p => p.index);
            var mutations = MutationCatalog.Build(model, ranked.ToHashSet(), ranked.Take(owner._options.StructuralLines).ToHashSet())
                .OrderBy(m => rankOf.GetValueOrDefault(m.Line, int.MaxValue))
                .ThenBy(m => m.Kind)
                .ThenBy(m => m.Id)
                .Take(owner._options.MaxMutants)
                .ToList();
            _generated = mutations.Count;
            var (schema, enabled) = BuildSchema(root, mutations, toolClass, probes, cancellationToken);
            if (schema is null)
            {
                return [];
            }

            _compiled = enabled.Count;
            _loaded.Add(schema);
            var runner = new MutantRunner(schema, owner._executor, context.Evaluator.Limits);
            try
            {
                // 3. Single edits, then pairs at the most suspicious sites.
                Report("single edits");
                var singles = enabled.Select(m => new[] { m }).ToList();
                var found = await EvaluateAsync(runner, singles, cases, isPair: false, cancellationToken);
                if (found.Count == 0 && owner._options.PairSites > 0 && owner._options.MaxPairs > 0)
                {
                    Report("pairs");
                    found = await EvaluateAsync(runner, Pairs(enabled, rankOf), cases, isPair: true, cancellationToken);
                }

                _plausible = found.Count;
                return found
                    .OrderBy(f => f.Sum(m => m.Size))
                    .ThenBy(f => f.Min(m => rankOf.GetValueOrDefault(m.Line, int.MaxValue)))
                    .ThenBy(f => f.Min(m => m.Kind))
                    .Select(f => new RepairCandidate(Mutation.Apply(problem.Source, f), owner.Name, Rationale(f), f.Sum(m => m.Size)))
                    .DistinctBy(c => c.Source, StringComparer.Ordinal)
                    .Take(owner._options.MaxPlausible)
                    .ToList();
            }
            finally
            {
                _executions += runner.Executions;
                _budgetStops += runner.BudgetStops;
            }
        }

        private async Task<List<int>> LocaliseAsync(MutantRunner runner, List<RepairCase> cases, IReadOnlyList<StatementSyntax> probes, SyntaxNode root, CancellationToken cancellationToken)
        {
            var probeLines = ProbeLines(root, probes);
            var runs = new (bool Failed, IReadOnlySet<int> Lines)[cases.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, cases.Count),
                new ParallelOptions { MaxDegreeOfParallelism = context.Options.EffectiveParallelism, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var (result, hits) = await runner.RunWithCoverageAsync(cases[index], probes.Count, token);
                    var lines = new HashSet<int>();
                    for (var probe = 0; probe < hits.Length; probe++)
                    {
                        if (hits[probe])
                        {
                            lines.UnionWith(probeLines[probe]);
                        }
                    }

                    runs[index] = (!result.Passed, lines);
                });
            _executions += runner.Executions;
            _ranking = FaultLocalizer.Rank(runs);

            // The investigation's lines go first; then every line a failing case ran, by Ochiai.
            var investigated = problem.Investigation?.Repair.SuspiciousLines ?? [];
            return investigated
                .Concat(_ranking.Where(l => l.Score > 0).Select(l => l.Line))
                .Distinct()
                .Take(owner._options.MaxLines)
                .ToList();
        }

        /// <summary>The lines each probed statement owns: those of its tokens that no nested probed statement owns.</summary>
        private static List<HashSet<int>> ProbeLines(SyntaxNode root, IReadOnlyList<StatementSyntax> probes)
        {
            var index = probes.Select((statement, i) => (statement, i)).ToDictionary(p => (SyntaxNode)p.statement, p => p.i);
            var lines = probes.Select(_ => new HashSet<int>()).ToList();
            foreach (var token in root.DescendantTokens())
            {
                var owner = token.Parent?.AncestorsAndSelf().FirstOrDefault(index.ContainsKey);
                if (owner is not null)
                {
                    lines[index[owner]].Add(token.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
                }
            }

            return lines;
        }

        /// <summary>Builds the schema, dropping the mutants the compiler or the policy rejects, until it compiles.</summary>
        private (CompiledTool? Tool, List<Mutation> Enabled) BuildSchema(SyntaxNode root, List<Mutation> mutations, (ClassDeclarationSyntax Declaration, string FullName) toolClass, IReadOnlyList<StatementSyntax> probes, CancellationToken cancellationToken)
        {
            var enabled = mutations.ToDictionary(m => m.Id);
            for (var round = 0; round < owner._options.MaxCompileRounds && enabled.Count > 0; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var schemaRoot = MutantSchemaBuilder.Build(root, enabled.Values.OrderBy(m => m.Id), toolClass.Declaration, toolClass.FullName, probes);
                var outcome = MutantSchemaCompiler.Compile(schemaRoot, owner._policy, emit: true);
                _compiles++;

                if (outcome.Tool is not null)
                {
                    return (outcome.Tool, enabled.Values.OrderBy(m => mutations.IndexOf(m)).ToList());
                }

                if (!DropCulprits(outcome, enabled))
                {
                    return (null, []);
                }
            }

            return (null, []);
        }

        /// <summary>Drops the mutants behind each error: its branch's mutant, else its site's, else the statement edits (then all edits) of its member.</summary>
        private static bool DropCulprits(MutantSchemaCompiler.Outcome outcome, Dictionary<int, Mutation> enabled)
        {
            var before = enabled.Count;
            foreach (var (span, message) in outcome.Errors)
            {
                if (span.End > outcome.Root.FullSpan.End)
                {
                    continue;
                }

                var node = span.IsEmpty ? outcome.Root.FindToken(span.Start).Parent : outcome.Root.FindNode(span, getInnermostNodeForTie: true);
                Blame(node, message, enabled);
            }

            return enabled.Count < before;
        }

        private static void Blame(SyntaxNode? node, string message, Dictionary<int, Mutation> enabled)
        {
            var inOriginal = false;
            foreach (var ancestor in node?.AncestorsAndSelf() ?? [])
            {
                if (ancestor.HasAnnotations(MutantSchemaBuilder.MutantAnnotation))
                {
                    var ids = Ids(ancestor, MutantSchemaBuilder.MutantAnnotation).ToList();
                    Drop(enabled, [.. ids, .. NewReadsOfTheSameLocal(message, ids, enabled)]);
                    return;
                }

                if (ancestor.HasAnnotations(MutantSchemaBuilder.OriginalAnnotation))
                {
                    inOriginal = true;
                }
                else if (ancestor.HasAnnotations(MutantSchemaBuilder.SiteAnnotation))
                {
                    // An error inside a site's original branch is the original's text: not this site's doing.
                    if (!inOriginal)
                    {
                        Drop(enabled, Ids(ancestor, MutantSchemaBuilder.SiteAnnotation));
                        return;
                    }

                    inOriginal = false;
                }
                else if (ancestor.HasAnnotations(MutantSchemaBuilder.MemberAnnotation))
                {
                    // No mutant contains the error (a definite-assignment or reachability error further on):
                    // the statement edits of the member are the usual cause; failing those, all its edits.
                    var start = Ids(ancestor, MutantSchemaBuilder.MemberAnnotation).Single();
                    var inMember = enabled.Values.Where(m => m.MemberStart == start).ToList();
                    var statements = inMember.Where(m => m.IsStatementLevel).ToList();
                    var quoted = message.Split('\'') is [_, var name, ..] ? name : null;
                    var naming = statements.Where(m => quoted is not null && m.Site.ToString().Contains(quoted, StringComparison.Ordinal)).ToList();
                    Drop(enabled, (naming.Count > 0 ? naming : statements.Count > 0 ? statements : inMember).Select(m => m.Id));
                    return;
                }
            }
        }

        /// <summary>
        /// The compiler reports only the first read of an unassigned (or not yet declared) local: the other mutants
        /// of the same member that add a read of it would each cost a build to find, so they go with the first.
        /// </summary>
        private static IEnumerable<int> NewReadsOfTheSameLocal(string message, List<int> culprits, Dictionary<int, Mutation> enabled)
        {
            if (!(message.StartsWith("Use of unassigned local variable", StringComparison.Ordinal) || message.StartsWith("Cannot use local variable", StringComparison.Ordinal))
                || message.Split('\'') is not [_, var name, ..] || culprits.Count == 0 || !enabled.TryGetValue(culprits[0], out var culprit))
            {
                return [];
            }

            return enabled.Values
                .Where(m => m.MemberStart == culprit.MemberStart && Reads(m.Replacement, name) && !Reads(m.Site.ToString(), name))
                .Select(m => m.Id)
                .ToList();
        }

        private static bool Reads(string text, string name) =>
            SyntaxFactory.ParseExpression(text).DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name)
            || SyntaxFactory.ParseStatement(text.Trim()).DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);

        private static IEnumerable<int> Ids(SyntaxNode node, string kind) =>
            node.GetAnnotations(kind).SelectMany(a => (a.Data ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(d => int.Parse(d, CultureInfo.InvariantCulture));

        private static void Drop(Dictionary<int, Mutation> enabled, IEnumerable<int> ids)
        {
            foreach (var id in ids.ToList())
            {
                enabled.Remove(id);
            }
        }

        /// <summary>Pairs of edits at two different sites among the most suspicious, on disjoint text, most suspicious first.</summary>
        private List<Mutation[]> Pairs(List<Mutation> enabled, Dictionary<int, int> rankOf)
        {
            var sites = enabled.Select(m => m.Site).Distinct().Take(owner._options.PairSites).ToHashSet();
            var candidates = enabled.Where(m => sites.Contains(m.Site)).ToList();
            var pairs = new List<Mutation[]>();
            for (var i = 0; i < candidates.Count; i++)
            {
                for (var j = i + 1; j < candidates.Count; j++)
                {
                    if (candidates[i].Site != candidates[j].Site && candidates[i].IsDisjointFrom(candidates[j]))
                    {
                        pairs.Add([candidates[i], candidates[j]]);
                    }
                }
            }

            return pairs
                .OrderBy(p => p.Sum(m => rankOf.GetValueOrDefault(m.Line, int.MaxValue / 4)))
                .ThenBy(p => p.Sum(m => m.Size))
                .Take(owner._options.MaxPairs)
                .ToList();
        }

        private async Task<List<Mutation[]>> EvaluateAsync(MutantRunner runner, List<Mutation[]> mutants, List<RepairCase> cases, bool isPair, CancellationToken cancellationToken)
        {
            var found = new ConcurrentBag<Mutation[]>();
            using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var evaluated = 0;
            var started = owner._time.GetTimestamp();
            try
            {
                await Parallel.ForEachAsync(
                    mutants,
                    new ParallelOptions { MaxDegreeOfParallelism = context.Options.EffectiveParallelism, CancellationToken = enough.Token },
                    async (mutant, token) =>
                    {
                        var passed = await runner.PassesAsync(mutant.Select(m => m.Id).ToArray(), cases, token);
                        var count = Interlocked.Increment(ref evaluated);
                        if (passed)
                        {
                            found.Add(mutant);
                            if (found.Count >= owner._options.MaxPlausible)
                            {
                                await enough.CancelAsync();
                            }
                        }

                        if (count % 500 == 0)
                        {
                            Report(isPair ? "pairs" : "single edits", count, found.Count);
                        }
                    });
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Enough plausible mutants: the rest are not needed.
            }
            finally
            {
                _evaluation += owner._time.GetElapsedTime(started);
                if (isPair)
                {
                    _pairs += evaluated;
                }
                else
                {
                    _singles += evaluated;
                }
            }

            return [.. found];
        }

        private void Report(string stage, int evaluated = 0, int plausible = 0) =>
            context.Progress?.Report(new RepairProgress(owner.Name, stage, _singles + _pairs + evaluated, plausible, owner._time.GetElapsedTime(_started)));

        private static string Rationale(Mutation[] edits) =>
            string.Join("; ", edits.Select(m => string.Create(CultureInfo.InvariantCulture, $"line {m.Line}: {m.Description}")));
    }
}
