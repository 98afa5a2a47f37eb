namespace Autonomy.Grains.Tests.Support;

/// <summary>A cluster whose live shadows judge after 50 compared calls, half of the calls sampled.</summary>
public sealed class LiveShadowClusterFixture : ClusterFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Autonomy:Verification:LiveShadowExecutions"] = "50";
        settings["Autonomy:Verification:LiveShadowSampleRate"] = "0.5";
    }
}
