namespace Autonomy.Core.Repair.Mutation;

/// <summary>What one mutation search did: the measure of its speed.</summary>
/// <param name="SchemaCompiles">Builds checked or emitted: the coverage build and the schema rounds.</param>
/// <param name="MutantsGenerated">Single mutants the operators proposed at the suspicious lines.</param>
/// <param name="MutantsCompiled">Single mutants left in the emitted schema (the others did not compile or broke the policy).</param>
/// <param name="SinglesEvaluated">Single mutants run on the cases.</param>
/// <param name="PairsEvaluated">Pairs run on the cases.</param>
/// <param name="CaseExecutions">Case executions, the coverage runs included.</param>
/// <param name="BudgetStops">Executions stopped by a sandbox budget (mutants that loop or recurse forever).</param>
/// <param name="Plausible">Mutants that passed every given case.</param>
/// <param name="Localisation">Time to compile the coverage build and rank the lines.</param>
/// <param name="Search">Time to build the schema and run the mutants.</param>
/// <param name="Evaluation">Of which running the mutants on the cases.</param>
/// <param name="Ranking">The lines, most suspicious first.</param>
public sealed record MutationSearchStatistics(
    int SchemaCompiles,
    int MutantsGenerated,
    int MutantsCompiled,
    int SinglesEvaluated,
    int PairsEvaluated,
    long CaseExecutions,
    int BudgetStops,
    int Plausible,
    TimeSpan Localisation,
    TimeSpan Search,
    TimeSpan Evaluation,
    IReadOnlyList<LineSuspiciousness> Ranking)
{
    /// <summary>Mutants (singles and pairs) evaluated per second of search, schema builds included.</summary>
    public double CandidatesPerSecond => Search <= TimeSpan.Zero ? 0 : (SinglesEvaluated + PairsEvaluated) / Search.TotalSeconds;

    /// <summary>Mutants evaluated per second of running them, schema builds excluded.</summary>
    public double EvaluatedPerSecond => Evaluation <= TimeSpan.Zero ? 0 : (SinglesEvaluated + PairsEvaluated) / Evaluation.TotalSeconds;

    /// <summary>Schema builds per mutant evaluated: far below one, where compiling each mutant costs one.</summary>
    public double CompilesPerMutant => SinglesEvaluated + PairsEvaluated == 0 ? SchemaCompiles : (double)SchemaCompiles / (SinglesEvaluated + PairsEvaluated);
}
