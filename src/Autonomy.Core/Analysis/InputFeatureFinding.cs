namespace Autonomy.Core.Analysis;

/// <summary>
/// An input feature that goes with failure: among sampled executions, those whose input has the feature fail at
/// <see cref="With"/>'s rate and the others at <see cref="Without"/>'s.
/// </summary>
/// <param name="Field">The JSON path of the field (<c>date</c>, <c>options.precision</c>), or <c>$</c> for the whole input.</param>
/// <param name="Feature">The feature's key (<c>missing</c>, <c>date:day-first</c>, <c>non-ascii</c>, …).</param>
/// <param name="Description">The finding in words ("fails on 94 % of inputs whose `date` field uses dd/MM/yyyy (47 of 50), 0 % otherwise (0 of 150)").</param>
/// <param name="With">Executions whose input has the feature.</param>
/// <param name="Without">The other executions.</param>
/// <param name="Lift">The failure rate with the feature over the sample's failure rate.</param>
/// <param name="Coverage">The share of the sample's failures that have the feature.</param>
/// <param name="Example">One failing input value with the feature, or null.</param>
public sealed record InputFeatureFinding(
    string Field,
    string Feature,
    string Description,
    FeatureCounts With,
    FeatureCounts Without,
    double Lift,
    double Coverage,
    string? Example);
