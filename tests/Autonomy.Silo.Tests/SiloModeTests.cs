using Autonomy.Silo.Hosting;

namespace Autonomy.Silo.Tests;

public sealed class SiloModeTests
{
    [Fact]
    public void Build_ClusterMode_FailsWithTheClearMessage()
    {
        var exception = Assert.Throws<SiloStartupException>(() => SiloApp.Build(["--Autonomy:Mode=Cluster"]));

        Assert.Equal("Autonomy:Mode=Cluster: cluster mode is not available yet; run with Autonomy:Mode=Embedded.", exception.Message);
    }

    [Fact]
    public void Build_UnknownMode_FailsNamingTheModes()
    {
        var exception = Assert.Throws<SiloStartupException>(() => SiloApp.Build(["--Autonomy:Mode=Galaxy"]));

        Assert.Equal("Autonomy:Mode='Galaxy' is not a mode; use Embedded or Cluster.", exception.Message);
    }

    [Fact]
    public void Build_HttpPortOutOfRange_FailsNamingTheSection()
    {
        var exception = Assert.Throws<SiloStartupException>(() => SiloApp.Build(["--Autonomy:Http:Port=70000"]));

        Assert.StartsWith("Autonomy:Http: ", exception.Message, StringComparison.Ordinal);
    }
}
