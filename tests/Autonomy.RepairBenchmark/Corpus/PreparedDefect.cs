using Autonomy.Core.Repair;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>A defect checked and ready to repair: its sources, its given cases and what the reference does with every input.</summary>
/// <param name="Manifest">The manifest.</param>
/// <param name="DefectiveSource">The defective source, the repair's base version.</param>
/// <param name="ReferenceSource">The reference source (the defective one with the one-line fix).</param>
/// <param name="Cases">The given cases, in the case builder's order (reported outputs, recorded failures, kept outputs).</param>
/// <param name="Given">The reference's and the defective tool's behaviour on the given inputs.</param>
/// <param name="Hidden">The same on the hidden inputs.</param>
public sealed record PreparedDefect(
    DefectManifest Manifest,
    string DefectiveSource,
    string ReferenceSource,
    IReadOnlyList<RepairCase> Cases,
    IReadOnlyList<Observation> Given,
    IReadOnlyList<Observation> Hidden);
