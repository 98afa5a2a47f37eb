using Autonomy.Core.Storage;
using Autonomy.Silo.Hosting;
using Autonomy.Storage.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Tests;

public sealed class SiloModeTests
{
    private const string ConnectionString = "--Autonomy:Postgres:ConnectionString=Host=127.0.0.1;Database=autonomy;Username=autonomy";

    [Fact]
    public void Build_ClusterModeWithoutConnectionString_FailsNamingTheKeyAndTheVariable()
    {
        var exception = Assert.Throws<SiloStartupException>(() => SiloApp.Build(["--Autonomy:Mode=Cluster", "--Autonomy:Postgres:ConnectionString="]));

        Assert.Equal(
            "Autonomy:Postgres:ConnectionString is not set: cluster mode keeps everything in PostgreSQL; " +
            "pass --Autonomy:Postgres:ConnectionString=<connection string> or set Autonomy__Postgres__ConnectionString.",
            exception.Message);
    }

    [Fact]
    public void Build_ClusterModeMalformedConnectionString_FailsWithoutEchoingIt()
    {
        var exception = Assert.Throws<SiloStartupException>(
            () => SiloApp.Build(["--Autonomy:Mode=Cluster", "--Autonomy:Postgres:ConnectionString=Hots=db;Password=secret"]));

        Assert.StartsWith("Autonomy:Postgres:ConnectionString is not a usable PostgreSQL connection string: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ClusterModeAdvertisingAnyAddress_FailsPointingAtListenOnAnyAddress()
    {
        var exception = Assert.Throws<SiloStartupException>(
            () => SiloApp.Build(["--Autonomy:Mode=Cluster", ConnectionString, "--Autonomy:Silo:AdvertisedAddress=0.0.0.0"]));

        Assert.Equal(
            "Autonomy:Silo:AdvertisedAddress='0.0.0.0' cannot be reached by other silos; advertise this machine's address " +
            "and set Autonomy:Silo:ListenOnAnyAddress=true to listen on all.",
            exception.Message);
    }

    [Fact]
    public void Build_ClusterModeAdvertisedHostName_FailsAskingForAnAddress()
    {
        var exception = Assert.Throws<SiloStartupException>(
            () => SiloApp.Build(["--Autonomy:Mode=Cluster", ConnectionString, "--Autonomy:Silo:AdvertisedAddress=silo-1.example"]));

        Assert.Equal("Autonomy:Silo:AdvertisedAddress='silo-1.example' is not an IP address.", exception.Message);
    }

    [Fact]
    public async Task Build_ClusterModeValidConfiguration_BuildsWithoutTouchingTheDatabase()
    {
        await using var app = SiloApp.Build(["--Autonomy:Mode=Cluster", ConnectionString, "--Autonomy:Silo:AdvertisedAddress=10.0.0.7"]);

        Assert.NotNull(app.Services.GetService(typeof(Npgsql.NpgsqlDataSource)));
    }

    [Fact]
    public async Task Build_EmbeddedMode_ExecutionLogBatchesAtTheSqliteSinksSize()
    {
        await using var app = SiloApp.Build([]);

        Assert.Equal(SqliteExecutionLogSink.PreferredBatchSize, app.Services.GetRequiredService<IOptions<ExecutionLogOptions>>().Value.BatchSize);
    }

    [Fact]
    public async Task Build_EmbeddedModeWithABatchSizeConfigured_TheConfiguredSizeWins()
    {
        await using var app = SiloApp.Build(["--Autonomy:ExecutionLog:BatchSize=250"]);

        Assert.Equal(250, app.Services.GetRequiredService<IOptions<ExecutionLogOptions>>().Value.BatchSize);
    }

    [Fact]
    public async Task Build_ClusterMode_ExecutionLogKeepsTheWritersDefaultBatchSize()
    {
        await using var app = SiloApp.Build(["--Autonomy:Mode=Cluster", ConnectionString, "--Autonomy:Silo:AdvertisedAddress=10.0.0.7"]);

        Assert.Equal(ExecutionLogOptions.DefaultBatchSize, app.Services.GetRequiredService<IOptions<ExecutionLogOptions>>().Value.BatchSize);
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
