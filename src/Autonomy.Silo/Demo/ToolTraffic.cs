namespace Autonomy.Silo.Demo;

/// <summary>The traffic of one tool: how often it is called relative to the others, and with what.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Weight">How often it is picked relative to the other tools.</param>
/// <param name="Inputs">Its inputs, at least one.</param>
internal sealed record ToolTraffic(string Name, double Weight, IReadOnlyList<TrafficInput> Inputs)
{
    /// <summary>The sum of the inputs' weights.</summary>
    public double TotalWeight { get; } = Inputs.Sum(i => i.Weight);

    /// <summary>Picks an input by weight.</summary>
    public TrafficInput Pick(Random random) => TrafficPlan.PickByWeight(Inputs, TotalWeight, i => i.Weight, random);
}
