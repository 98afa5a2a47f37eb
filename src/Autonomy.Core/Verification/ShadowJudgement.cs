namespace Autonomy.Core.Verification;

/// <summary>The judgement of one shadow pair.</summary>
/// <param name="Class">The class of the pair.</param>
/// <param name="Reason">One line on why, for reports, such as <c>old Success, candidate ToolError System.NullReferenceException</c>.</param>
/// <param name="Differences">Where the outputs differ, when both succeeded and disagree; otherwise empty.</param>
public sealed record ShadowJudgement(ShadowPairClass Class, string Reason, IReadOnlyList<OutputDifference> Differences);
