using System.Globalization;

namespace Autonomy.Core.Verification;

/// <summary>What is known about a tool when its testing strategies are chosen.</summary>
/// <param name="ReplayableInputs">Distinct recorded inputs of the baseline version in the replay window that the oracle can judge.</param>
/// <param name="ShadowInputs">Inputs a shadow test could run: recorded inputs plus generated ones.</param>
/// <param name="Examples">Declared examples with an expected output.</param>
/// <param name="HasInputSchema">Whether the tool declares an input schema.</param>
/// <param name="Nondeterminism">What may make the baseline answer differently on two runs.</param>
public sealed record TestingFacts(
    int ReplayableInputs,
    int ShadowInputs,
    int Examples,
    bool HasInputSchema,
    IReadOnlyList<NondeterminismSource> Nondeterminism);

/// <summary>
/// Decides which testing strategies apply to a tool (the seed's <c>SafeTestingStrategy</c>), and records why:
/// replay needs enough recorded history; shadow needs inputs to run and a tool without side effects (the policy
/// denies files, network, the environment and the clock to every tool, so every accepted tool qualifies), and
/// learns its noise when the source shows non-deterministic constructs; synthetic needs declared examples or an
/// input schema. When none applies there is no evidence, and the candidate waits for a person.
/// </summary>
public static class TestingStrategySelector
{
    /// <summary>The decision for every strategy, in the order they run: synthetic, replay, shadow.</summary>
    public static IReadOnlyList<StrategyDecision> Select(TestingFacts facts, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        return [Synthetic(facts), Replay(facts, options), Shadow(facts, options)];
    }

    private static StrategyDecision Replay(TestingFacts facts, VerificationOptions options) =>
        facts.ReplayableInputs >= options.MinimumReplays
            ? new(TestingStrategy.Replay, true, Invariant($"{facts.ReplayableInputs} distinct recorded inputs in the last {options.ReplayWindowDays} days (needs {options.MinimumReplays})"))
            : new(TestingStrategy.Replay, false, Invariant($"only {facts.ReplayableInputs} distinct recorded inputs in the last {options.ReplayWindowDays} days (needs {options.MinimumReplays})"));

    private static StrategyDecision Shadow(TestingFacts facts, VerificationOptions options)
    {
        if (facts.ShadowInputs < options.ShadowMinimumInputs)
        {
            return new(TestingStrategy.Shadow, false, Invariant($"only {facts.ShadowInputs} inputs to run side by side (needs {options.ShadowMinimumInputs})"));
        }

        var noise = facts.Nondeterminism.Count == 0
            ? "deterministic source"
            : "non-deterministic source (" + string.Join(", ", facts.Nondeterminism.Select(n => Invariant($"{n.What} at line {n.Line}")).Distinct().Take(4))
              + "): noise learnt by running the old version twice";
        return new(TestingStrategy.Shadow, true, Invariant($"{facts.ShadowInputs} inputs; side-effect free by policy; {noise}"));
    }

    private static StrategyDecision Synthetic(TestingFacts facts)
    {
        if (facts.Examples == 0 && !facts.HasInputSchema)
        {
            return new(TestingStrategy.Synthetic, false, "no declared examples and no input schema");
        }

        var what = new List<string>();
        if (facts.Examples > 0)
        {
            what.Add(Invariant($"{facts.Examples} declared example(s)"));
        }

        if (facts.HasInputSchema)
        {
            what.Add("inputs generated from the input schema");
        }

        return new(TestingStrategy.Synthetic, true, string.Join(" and ", what));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
