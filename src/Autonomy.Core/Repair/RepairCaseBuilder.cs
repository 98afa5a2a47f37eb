using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Repair;

/// <summary>
/// Turns what is known about a tool version into repair cases, by the oracle of DESIGN.md section 4: a recorded
/// failure must now succeed; an output a caller reported wrong must now match the expected output they gave; a
/// recorded success nobody reported wrong must keep its output; a declared example must give its expected output.
/// Invalid input is the caller's fault and yields no case. Inputs are deduplicated (the first verdict wins, in the
/// order feedback, failures, examples, successes), and the cases are split into given and held-back sets.
/// </summary>
public static class RepairCaseBuilder
{
    /// <summary>Reads a version's recent executions, failures and feedback, and builds its cases with its examples.</summary>
    public static async Task<(IReadOnlyList<RepairCase> Given, IReadOnlyList<RepairCase> HeldBack)> BuildAsync(
        string toolName,
        int version,
        IReadOnlyList<ToolExampleCase> examples,
        IExecutionStore executions,
        IFeedbackStore feedback,
        RepairOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(options);
        var evidence = await ReadEvidenceAsync(toolName, version, DateTimeOffset.MinValue, options.MaxCases, executions, feedback, cancellationToken).ConfigureAwait(false);
        var cases = Build(evidence.Executions, evidence.ReportedWrong, evidence.WrongFeedback, examples);
        return Split(cases, options);
    }

    /// <summary>
    /// Reads what the oracle judges for one version since <paramref name="since"/>: its recent executions and its
    /// failures (each at most <paramref name="limit"/>, without duplicates, recent ones first), and the executions
    /// reported wrong with their feedback.
    /// </summary>
    public static async Task<(IReadOnlyList<ExecutionRecord> Executions, IReadOnlyList<ExecutionRecord> ReportedWrong, IReadOnlyList<ToolFeedback> WrongFeedback)> ReadEvidenceAsync(
        string toolName,
        int version,
        DateTimeOffset since,
        int limit,
        IExecutionStore executions,
        IFeedbackStore feedback,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(feedback);
        var recent = (await executions.ReadRecentAsync(toolName, version, limit, null, cancellationToken).ConfigureAwait(false))
            .Where(e => e.StartedAt >= since);
        var failures = (await executions.ReadFailuresAsync(toolName, since, limit, cancellationToken).ConfigureAwait(false))
            .Where(f => f.ToolVersion == version);
        var reports = await feedback.ListAsync(toolName, version, limit, cancellationToken).ConfigureAwait(false);
        var wrong = reports.Where(f => !f.Correct).ToList();
        var reported = wrong.Count == 0 ? [] : await executions.ReadByIdsAsync(wrong.Select(f => f.ExecutionId).ToList(), cancellationToken).ConfigureAwait(false);
        return (recent.Concat(failures).DistinctBy(e => e.ExecutionId).ToList(), reported, wrong);
    }

    /// <summary>Builds cases from records already read.</summary>
    public static IReadOnlyList<RepairCase> Build(
        IReadOnlyList<ExecutionRecord> executions,
        IReadOnlyList<ExecutionRecord> reportedWrong,
        IReadOnlyList<ToolFeedback> wrongFeedback,
        IReadOnlyList<ToolExampleCase> examples)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(reportedWrong);
        ArgumentNullException.ThrowIfNull(wrongFeedback);
        ArgumentNullException.ThrowIfNull(examples);
        var cases = new List<RepairCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var wrongIds = wrongFeedback.Select(f => f.ExecutionId).ToHashSet();
        void Add(RepairCase repairCase)
        {
            if (seen.Add(repairCase.Input))
            {
                cases.Add(repairCase);
            }
        }

        foreach (var report in wrongFeedback.Where(f => f.ExpectedOutput is not null))
        {
            if (reportedWrong.FirstOrDefault(e => e.ExecutionId == report.ExecutionId) is { Input: { } input, InputTruncated: false } execution)
            {
                Add(new RepairCase(input, RepairExpectation.Match, report.ExpectedOutput, "feedback", execution.ExecutionId));
            }
        }

        foreach (var failure in executions.Where(e => e.CountsAsToolFailure && e.Input is not null && !e.InputTruncated))
        {
            Add(new RepairCase(failure.Input!, RepairExpectation.Succeed, null, "execution", failure.ExecutionId));
        }

        foreach (var example in examples.Where(e => e.ExpectedOutput is not null))
        {
            Add(new RepairCase(example.Input, RepairExpectation.Match, example.ExpectedOutput, "example"));
        }

        foreach (var success in executions.Where(e => e.Outcome == ExecutionOutcome.Success && !wrongIds.Contains(e.ExecutionId)
            && e.Input is not null && !e.InputTruncated && e.Output is not null && !e.OutputTruncated))
        {
            Add(new RepairCase(success.Input!, RepairExpectation.Keep, success.Output, "execution", success.ExecutionId));
        }

        return cases;
    }

    /// <summary>
    /// Splits cases into given and held back: with at least <see cref="RepairOptions.MinimumCasesForValidation"/>
    /// cases, every k-th failing case and every k-th kept case (k from <see cref="RepairOptions.ValidationShare"/>)
    /// is held back, but at least one failing case always stays given. Deterministic, so an attempt can be repeated.
    /// </summary>
    public static (IReadOnlyList<RepairCase> Given, IReadOnlyList<RepairCase> HeldBack) Split(IReadOnlyList<RepairCase> cases, RepairOptions options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        if (cases.Count < options.MinimumCasesForValidation || options.ValidationShare <= 0)
        {
            return (cases, []);
        }

        var every = Math.Max(2, (int)Math.Round(1 / options.ValidationShare));
        var given = new List<RepairCase>();
        var heldBack = new List<RepairCase>();
        foreach (var group in cases.GroupBy(c => c.IsFailing))
        {
            var index = 0;
            foreach (var repairCase in group)
            {
                // Examples stay given: they are the tool's own documentation of what it must do.
                var holdBack = repairCase.Origin != "example" && ++index % every == 0;
                (holdBack ? heldBack : given).Add(repairCase);
            }
        }

        return (given, heldBack);
    }
}
