using Autonomy.Silo.Hosting;
using Autonomy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Autonomy.Silo.Tests.Cluster;

/// <summary>Cluster mode's start-up errors, as an operator sees them: one line on standard error and exit code 2.</summary>
public sealed class ClusterConfigurationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Run_ClusterModeWithoutConnectionString_ExitsWithCodeTwoNamingTheKey()
    {
        await using var silo = SiloProcess.Start(
            "no-connection-string",
            ["--Autonomy:Mode=Cluster"],
            new Dictionary<string, string?> { [PostgresStorageOptions.ConnectionStringVariable] = null });

        var exitCode = await silo.WaitForExitAsync(ExitTimeout);

        output.WriteLine(silo.Output);
        Assert.Equal(2, exitCode);
        Assert.Equal(
            [
                "autonomy-silo: Autonomy:Postgres:ConnectionString is not set: cluster mode keeps everything in PostgreSQL; " +
                "pass --Autonomy:Postgres:ConnectionString=<connection string> or set Autonomy__Postgres__ConnectionString.",
            ],
            silo.Errors);
    }

    [Fact]
    public async Task Run_ClusterModeServerUnreachableFromEnvironment_ExitsWithCodeTwoNamingTheServer()
    {
        var port = FreePorts.Next();
        await using var silo = SiloProcess.Start(
            "unreachable",
            ["--Autonomy:Mode=Cluster", $"--Autonomy:Http:Port={FreePorts.Next()}", "--Logging:LogLevel:Default=None"],
            new Dictionary<string, string?>
            {
                [PostgresStorageOptions.ConnectionStringVariable] = $"Host=127.0.0.1;Port={port};Database=autonomy;Username=autonomy;Password=secret",
            });

        var exitCode = await silo.WaitForExitAsync(ExitTimeout);

        output.WriteLine(silo.Output);
        Assert.Equal(2, exitCode);
        var error = Assert.Single(silo.Errors);
        Assert.StartsWith($"autonomy-silo: Cannot connect to PostgreSQL at 127.0.0.1:{port} (database 'autonomy', user 'autonomy'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", silo.Output, StringComparison.Ordinal);
    }
}
