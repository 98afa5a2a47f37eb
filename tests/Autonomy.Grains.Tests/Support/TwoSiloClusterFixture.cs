namespace Autonomy.Grains.Tests.Support;

/// <summary>Two silos on one shared SQLite file.</summary>
public sealed class TwoSiloClusterFixture : ClusterFixture
{
    protected override short SiloCount => 2;
}
