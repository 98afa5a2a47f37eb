using System.Diagnostics;
using System.Globalization;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>What the cluster commands do when no silo answers or the connection options are wrong.</summary>
public sealed class NoSiloTests
{
    /// <summary>A behaviour bound, not a benchmark: "gives up within a few seconds" rather than hanging on retries.</summary>
    private static readonly TimeSpan GivesUpWithin = TimeSpan.FromSeconds(10);

    private static string NobodyListening() => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{ClusterSiloFixture.FreePort()}");

    [Theory]
    [InlineData("tools", "list")]
    [InlineData("tools", "show", "x")]
    [InlineData("loop", "status")]
    [InlineData("investigate", "x")]
    [InlineData("investigate", "x", "--latest")]
    [InlineData("feedback", "0190b1c2-0000-7000-8000-000000000001", "--correct")]
    public async Task ClusterCommand_NoSilo_OneLineNamingWhereItLookedExit69Fast(params string[] command)
    {
        var gateway = NobodyListening();
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.InProcessAsync([.. command, "--gateway", gateway]);

        clock.Stop();
        Assert.Equal(69, run.ExitCode);
        Assert.Equal($"autonomy: no silo answered at {gateway} (cluster 'autonomy') within 5s", run.Error.TrimEnd());
        Assert.Equal(string.Empty, run.Output);
        Assert.True(clock.Elapsed < GivesUpWithin, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ClusterCommand_GatewayAndClusterIdFromEnvironment_AreUsed()
    {
        var gateway = NobodyListening();
        var environment = new Dictionary<string, string?>
        {
            ["AUTONOMY_GATEWAY"] = gateway,
            ["AUTONOMY_CLUSTER_ID"] = "blue",
            ["AUTONOMY_CONNECT_TIMEOUT"] = "2",
        };

        var run = await CliRunner.InProcessAsync(environment, "tools", "list");

        Assert.Equal(69, run.ExitCode);
        Assert.Equal($"autonomy: no silo answered at {gateway} (cluster 'blue') within 2s", run.Error.TrimEnd());
    }

    [Fact]
    public async Task ClusterCommand_SeveralGateways_NamesThemAll()
    {
        var first = NobodyListening();
        var second = NobodyListening();

        var run = await CliRunner.InProcessAsync("tools", "list", "--gateway", first, "--gateway", second, "--cluster-id", "green");

        Assert.Equal(69, run.ExitCode);
        Assert.Equal($"autonomy: no silo answered at {first}, {second} (cluster 'green') within 5s", run.Error.TrimEnd());
    }

    [Fact]
    public async Task ClusterCommand_PostgresNotAnswering_OneLineNamingTheDatabaseWithoutPasswordExit69Fast()
    {
        var port = ClusterSiloFixture.FreePort();
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.InProcessAsync(
            "tools", "list", "--postgres", $"Host=127.0.0.1;Port={port};Database=autonomy;Username=autonomy;Password=secret;Timeout=2", "--connect-timeout", "4");

        clock.Stop();
        Assert.Equal(69, run.ExitCode);
        Assert.StartsWith($"autonomy: no silo answered at the gateways listed in PostgreSQL autonomy on 127.0.0.1:{port} (cluster 'autonomy') within 4s", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.True(clock.Elapsed < GivesUpWithin, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ClusterCommand_ClusterAndPostgresFromEnvironment_LooksInTheDatabase()
    {
        var port = ClusterSiloFixture.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["AUTONOMY_CLUSTER"] = "true",
            ["AUTONOMY_POSTGRES"] = $"Host=localhost;Port={port};Database=fleet;Username=u;Timeout=2",
            ["AUTONOMY_GATEWAY"] = "ignored:1",
        };

        var run = await CliRunner.InProcessAsync(environment, "loop", "status");

        Assert.Equal(69, run.ExitCode);
        Assert.StartsWith($"autonomy: no silo answered at the gateways listed in PostgreSQL fleet on localhost:{port} (cluster 'autonomy')", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterCommand_ClusterWithoutConnectionString_UsageError()
    {
        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?>(), "tools", "list", "--cluster");

        Assert.Equal(64, run.ExitCode);
        Assert.Equal("autonomy: --cluster needs --postgres <connection string> or $AUTONOMY_POSTGRES", run.Error.TrimEnd());
    }

    [Fact]
    public async Task ClusterCommand_GatewayAndCluster_UsageError()
    {
        var run = await CliRunner.InProcessAsync("tools", "list", "--cluster", "--postgres", "Host=x", "--gateway", "127.0.0.1:1");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("exclude each other", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:http")]
    [InlineData(":30000")]
    public async Task ClusterCommand_MalformedGateway_UsageError(string gateway)
    {
        var run = await CliRunner.InProcessAsync("tools", "list", "--gateway", gateway);

        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"autonomy: '{gateway}' is not a gateway; write host:port, for example 127.0.0.1:30000", run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("not-a-guid", "--correct")]
    [InlineData("0190b1c2-0000-7000-8000-000000000001")]
    [InlineData("0190b1c2-0000-7000-8000-000000000001", "--correct", "--incorrect")]
    [InlineData("0190b1c2-0000-7000-8000-000000000001", "--correct", "--expected", "{}")]
    [InlineData("0190b1c2-0000-7000-8000-000000000001", "--incorrect", "--expected", "{not json")]
    public async Task Feedback_BadArguments_UsageErrorBeforeConnecting(params string[] args)
    {
        var run = await CliRunner.InProcessAsync(["feedback", .. args, "--gateway", NobodyListening()]);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("autonomy feedback: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsAdd_NoToolClass_RejectedLocallyBeforeConnecting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"autonomy-nothing-{Guid.NewGuid():N}.cs");
        await File.WriteAllTextAsync(path, "public class Nothing { }");
        try
        {
            var run = await CliRunner.InProcessAsync("tools", "add", path, "--gateway", NobodyListening());

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("AUT001", run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was registered", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ToolsRun_NoInput_UsageErrorBeforeConnecting()
    {
        var run = await CliRunner.InProcessAsync("tools", "run", "x", "--gateway", NobodyListening());

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("exactly one of --input or --input-file", run.Error, StringComparison.Ordinal);
    }
}
