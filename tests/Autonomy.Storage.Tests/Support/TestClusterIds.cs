namespace Autonomy.Storage.Tests.Support;

/// <summary>The identity that ties silos and clients to the same rows: fresh per test, stable across restarts.</summary>
public sealed record TestClusterIds(string ClusterId, string ServiceId)
{
    public static TestClusterIds New()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new TestClusterIds($"cluster-{id}", $"service-{id}");
    }
}
