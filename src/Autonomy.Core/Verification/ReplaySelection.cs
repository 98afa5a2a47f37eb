using System.Text.Json;
using Autonomy.Core.Repair;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Verification;

/// <summary>
/// Chooses the recorded executions a replay test runs: the baseline version's executions in the replay window,
/// judged by the oracle (<see cref="RepairCaseBuilder.Build"/>: a failure must now succeed, an output reported
/// wrong must now match the expected one, an unreported success must keep its output; invalid input is the caller's
/// fault and is never replayed), one case per distinct input, sampled across strata so that a tool with thousands
/// of successes and a few failures replays both: a stratum is the oracle's verdict with the input's shape (its
/// top-level fields and the kinds of their values). Strata are visited round-robin, rarest first, up to
/// <see cref="VerificationOptions.MaximumReplays"/>. Deterministic: the same records give the same selection.
/// </summary>
public static class ReplaySelection
{
    /// <summary>Reads the window's executions and feedback and selects the replay cases.</summary>
    public static async Task<IReadOnlyList<RepairCase>> ReadAsync(
        string toolName, int version, IExecutionStore executions, IFeedbackStore feedback, VerificationOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var evidence = await RepairCaseBuilder.ReadEvidenceAsync(toolName, version, now - options.ReplayWindow, options.ReplayReadLimit, executions, feedback, cancellationToken).ConfigureAwait(false);
        var all = evidence.Executions.OrderByDescending(e => e.StartedAt).ToList();
        return Select(RepairCaseBuilder.Build(all, evidence.ReportedWrong, evidence.WrongFeedback, []), options.MaximumReplays);
    }

    /// <summary>Samples at most <paramref name="maximum"/> cases across strata, rarest stratum first.</summary>
    public static IReadOnlyList<RepairCase> Select(IReadOnlyList<RepairCase> cases, int maximum)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var strata = cases
            .GroupBy(c => (c.Expectation, Shape(c.Input)))
            .OrderBy(g => g.Count())
            .ThenBy(g => g.Key.Expectation)
            .ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => new Queue<RepairCase>(g))
            .ToList();
        var selected = new List<RepairCase>(Math.Min(maximum, cases.Count));
        while (selected.Count < maximum && strata.Any(s => s.Count > 0))
        {
            foreach (var stratum in strata.Where(s => s.Count > 0))
            {
                if (selected.Count == maximum)
                {
                    break;
                }

                selected.Add(stratum.Dequeue());
            }
        }

        return selected;
    }

    /// <summary>The input's shape: its top-level fields with the kinds of their values, or the kind of a non-object.</summary>
    internal static string Shape(string input)
    {
        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? root.ValueKind.ToString()
                : string.Join(',', root.EnumerateObject().Select(p => p.Name + ":" + p.Value.ValueKind).Order(StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return "not-json";
        }
    }
}
