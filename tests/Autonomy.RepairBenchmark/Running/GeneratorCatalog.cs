using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Mutation;
using Autonomy.Core.Repair.Templates;

namespace Autonomy.RepairBenchmark.Running;

/// <summary>The generators the benchmark runs, in the engine's order: fix templates, then mutation search.</summary>
public static class GeneratorCatalog
{
    /// <summary>Creates the generators with their default options, as the product runs them.</summary>
    public static IReadOnlyList<IRepairGenerator> Create(TimeProvider time) =>
    [
        new FixTemplateGenerator(),
        new MutationSearchGenerator(time: time),
    ];
}
