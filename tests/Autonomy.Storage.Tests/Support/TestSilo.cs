using System.Net;
using Autonomy.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A real silo on loopback with every ADO.NET provider pointed at one test database: clustering, two grain
/// stores (one keeps cleared rows, one deletes them) and reminders.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    public const string Invariant = "Npgsql";
    public const string StoreName = "store";
    public const string DeletingStoreName = "deleting";

    private readonly IHost _host;
    private bool _running;

    private TestSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(PostgresDatabase database, TestClusterIds ids, string name)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ids.ClusterId;
                    options.ServiceId = ids.ServiceId;
                });
                silo.Configure<SiloOptions>(options => options.SiloName = name);
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = database.ConnectionString;
                });
                silo.AddAdoNetGrainStorage(StoreName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = database.ConnectionString;
                });
                silo.AddAdoNetGrainStorage(DeletingStoreName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = database.ConnectionString;
                    options.DeleteStateOnClear = true;
                });
                silo.UseAdoNetReminderService(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = database.ConnectionString;
                });
                silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            })
            .Build();

        var testSilo = new TestSilo(host, siloPort, gatewayPort);
        try
        {
            await host.StartAsync();
            testSilo._running = true;
            return testSilo;
        }
        catch
        {
            await testSilo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster and marks itself dead.</summary>
    public async Task StopAsync()
    {
        if (_running)
        {
            _running = false;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
