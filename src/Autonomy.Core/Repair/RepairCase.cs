namespace Autonomy.Core.Repair;

/// <summary>One test case of a repair: an input and what the repaired tool must do with it.</summary>
/// <param name="Input">The input document.</param>
/// <param name="Expectation">What the candidate must do.</param>
/// <param name="ExpectedOutput">The output it must give, for <see cref="RepairExpectation.Match"/> and <see cref="RepairExpectation.Keep"/>.</param>
/// <param name="Origin">Where the case comes from: <c>execution</c>, <c>feedback</c>, <c>example</c> or <c>benchmark</c>.</param>
/// <param name="ExecutionId">The recorded execution it was taken from, if any.</param>
public sealed record RepairCase(string Input, RepairExpectation Expectation, string? ExpectedOutput, string Origin, Guid? ExecutionId = null)
{
    /// <summary>Whether the base version failed this case (the cases a repair must fix).</summary>
    public bool IsFailing => Expectation != RepairExpectation.Keep;
}
