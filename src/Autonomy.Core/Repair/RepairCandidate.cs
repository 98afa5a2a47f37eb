namespace Autonomy.Core.Repair;

/// <summary>A candidate source proposed by a generator.</summary>
/// <param name="Source">The whole candidate source.</param>
/// <param name="Generator">The generator's name (<c>fix-template</c>, <c>mutation</c>, <c>llm</c>).</param>
/// <param name="Rationale">What was changed and why, in one line ("null-guard at line 44: default 4 from the schema").</param>
/// <param name="EditSize">The size of the edit (tokens or mutation operators changed); the engine prefers the smallest passing patch.</param>
public sealed record RepairCandidate(string Source, string Generator, string Rationale, int EditSize);
