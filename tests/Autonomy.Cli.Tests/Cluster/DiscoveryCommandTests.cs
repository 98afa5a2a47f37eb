using System.Text.Json;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary><c>autonomy search</c> and <c>autonomy duplicates</c> against a running silo with the real embedding model.</summary>
public sealed class DiscoveryCommandTests(ClusterSiloFixture silo) : IClassFixture<ClusterSiloFixture>
{
    [Fact]
    public async Task Search_AToolByWhatItDoes_RanksItWithItsScoreAndDescription()
    {
        var name = ClusterSiloFixture.NewToolName();
        Assert.Equal(0, (await silo.RunAsync("tools", "add", silo.WriteTool(name))).ExitCode);

        var human = await silo.RunAsync("search", "increment a number by one", "--limit", "3");
        var json = JsonDocument.Parse((await silo.RunAsync("search", "increment a number by one", "--json")).Output).RootElement;
        var empty = await silo.RunAsync("search", " ");

        Assert.Equal(0, human.ExitCode);
        Assert.Matches(@"^RANK +TOOL +SCORE +VERSION +DESCRIPTION", human.Output);
        Assert.Matches(@"(?m)^1 +cli_\w+ +0\.\d{3} +v\d+ +Adds one to n\.", human.Output);
        Assert.Equal("increment a number by one", json.GetProperty("query").GetString());
        Assert.Contains(json.GetProperty("results").EnumerateArray(), r => r.GetProperty("name").GetString() == name && r.GetProperty("score").GetDouble() > 0.2);
        Assert.Equal(64, empty.ExitCode);
    }

    [Fact]
    public async Task Duplicates_IdenticalTools_ArePairedWithARecommendation()
    {
        Assert.Equal(0, (await silo.RunAsync("tools", "add", silo.WriteTool(ClusterSiloFixture.NewToolName()))).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "add", silo.WriteTool(ClusterSiloFixture.NewToolName()))).ExitCode);

        var run = await silo.RunAsync("duplicates", "--json", "--limit", "5");
        var human = await silo.RunAsync("duplicates", "--limit", "1");

        Assert.Equal(0, run.ExitCode);
        var pair = JsonDocument.Parse(run.Output).RootElement.GetProperty("pairs")[0];
        Assert.Equal(1.0, pair.GetProperty("structuralSimilarity").GetDouble(), 3);
        string[] names = [pair.GetProperty("first").GetProperty("name").GetString()!, pair.GetProperty("second").GetProperty("name").GetString()!];
        Assert.Equal(names.Order(StringComparer.Ordinal), new[] { pair.GetProperty("keep").GetString()!, pair.GetProperty("retire").GetString()! }.Order(StringComparer.Ordinal));
        Assert.Matches(@"(?m)^keep cli_\w+, retire cli_\w+: ", human.Output);
    }
}
