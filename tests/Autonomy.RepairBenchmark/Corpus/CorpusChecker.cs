using System.Globalization;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Repair;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>
/// Checks a defect before it is repaired, and turns it into cases: the defective source compiles under the policy,
/// the fix applies, the reference compiles and never fails (it succeeds or refuses the input), and the defective
/// tool fails at least one given input. Expected outputs come from running the reference, never from the manifest.
/// </summary>
public static class CorpusChecker
{
    /// <summary>The origin recorded on benchmark cases.</summary>
    public const string Origin = "benchmark";

    /// <summary>Prepares one defect and says what is wrong with it; the defect is null when a source does not compile or the fix does not apply.</summary>
    public static async Task<(PreparedDefect? Defect, IReadOnlyList<string> Errors)> PrepareAsync(CorpusEntry entry, SourceRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(runner);
        var manifest = entry.Manifest;
        var errors = new List<string>();
        if (!manifest.Fix.TryApply(entry.DefectiveSource, out var reference, out var fixError))
        {
            return (null, [fixError!]);
        }

        var givenInputs = manifest.Given.Select(g => g.ToJsonString()).ToList();
        var hiddenInputs = manifest.Hidden.Select(h => h.ToJsonString()).ToList();
        var all = givenInputs.Concat(hiddenInputs).ToList();
        var (defectiveErrors, defective) = await runner.RunAsync(entry.DefectiveSource, all, cancellationToken);
        var (referenceErrors, expected) = await runner.RunAsync(reference, all, cancellationToken);
        errors.AddRange(defectiveErrors.Select(e => "the defective source does not compile: " + e));
        errors.AddRange(referenceErrors.Select(e => "the reference source does not compile: " + e));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var observations = all.Select((input, i) => new Observation(input, expected[i], defective[i])).ToList();
        foreach (var broken in observations.Where(o => o.Reference.CountsAsToolFailure))
        {
            errors.Add($"the reference fails on {broken.Input}: {broken.Reference.Outcome} {broken.Reference.Message}");
        }

        var given = observations.Take(givenInputs.Count).ToList();
        if (given.All(o => o.DefectiveIsCorrect))
        {
            errors.Add("the defective source passes every given case");
        }

        if (hiddenInputs.Distinct(StringComparer.Ordinal).Count() != hiddenInputs.Count || givenInputs.Distinct(StringComparer.Ordinal).Count() != givenInputs.Count
            || hiddenInputs.Intersect(givenInputs, StringComparer.Ordinal).Any())
        {
            errors.Add("an input is repeated: given and hidden inputs must all differ");
        }

        var cases = new List<RepairCase>();
        foreach (var observation in given)
        {
            if (BuildCase(observation, manifest.CrashesReported, out var error) is { } repairCase)
            {
                cases.Add(repairCase);
            }
            else if (error is not null)
            {
                errors.Add(error);
            }
        }

        // The case builder's order: reported outputs, then recorded failures, then kept outputs.
        var ordered = cases.Where(c => c.Expectation == RepairExpectation.Match)
            .Concat(cases.Where(c => c.Expectation == RepairExpectation.Succeed))
            .Concat(cases.Where(c => c.Expectation == RepairExpectation.Keep))
            .ToList();
        // A defect with errors is still returned once both sources compile, so that --show can print what they do.
        return (new PreparedDefect(manifest, entry.DefectiveSource, reference, ordered, given, observations.Skip(givenInputs.Count).ToList()), errors);
    }

    private static RepairCase? BuildCase(Observation observation, bool crashesReported, out string? error)
    {
        error = null;
        var (reference, defective) = (observation.Reference, observation.Defective);
        if (observation.DefectiveIsCorrect)
        {
            // A refusal is the caller's fault and yields no case, as in the case builder.
            return reference.Outcome == ExecutionOutcome.Success
                ? new RepairCase(observation.Input, RepairExpectation.Keep, reference.Output, Origin)
                : null;
        }

        if (defective.CountsAsToolFailure)
        {
            return crashesReported && reference.Outcome == ExecutionOutcome.Success
                ? new RepairCase(observation.Input, RepairExpectation.Match, reference.Output, Origin)
                : new RepairCase(observation.Input, RepairExpectation.Succeed, null, Origin);
        }

        if (reference.Outcome == ExecutionOutcome.Success)
        {
            // A wrong output (or a wrong refusal) reported by its caller with the output they expected.
            return new RepairCase(observation.Input, RepairExpectation.Match, reference.Output, Origin);
        }

        error = string.Create(CultureInfo.InvariantCulture, $"on {observation.Input} the reference refuses but the defective tool answers: no case can say so");
        return null;
    }
}
