using Autonomy.Core.Analysis;

namespace Autonomy.Core.Repair;

/// <summary>What a repair works on: the tool's base version, why it fails, and the cases a fix must pass.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="BaseVersion">The version being repaired.</param>
/// <param name="Source">That version's source.</param>
/// <param name="Investigation">The investigation's findings (throw sites, suspicious lines, suggested strategy), or null.</param>
/// <param name="Cases">The cases generators may look at and search against.</param>
/// <param name="ValidationCases">Cases held back: a candidate that passes <paramref name="Cases"/> must pass these too before it is accepted.</param>
public sealed record RepairProblem(
    string ToolName,
    int BaseVersion,
    string Source,
    ToolInvestigation? Investigation,
    IReadOnlyList<RepairCase> Cases,
    IReadOnlyList<RepairCase> ValidationCases)
{
    /// <summary>The cases the base version fails.</summary>
    public IEnumerable<RepairCase> FailingCases => Cases.Where(c => c.IsFailing);

    /// <summary>The cases the base version passes and a fix must keep.</summary>
    public IEnumerable<RepairCase> PassingCases => Cases.Where(c => !c.IsFailing);
}
