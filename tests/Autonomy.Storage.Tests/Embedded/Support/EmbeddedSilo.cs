using System.Net;
using Autonomy.Silo.Tests.Support;
using Autonomy.Storage.SiloProviders.Hosting;
using Autonomy.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace Autonomy.Storage.Tests.Embedded.Support;

/// <summary>
/// A real embedded-mode silo on loopback: localhost clustering, two SQLite grain stores (one keeps cleared rows,
/// one deletes them) and the SQLite reminder table, all in one file.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    public const string StoreName = TestSilo.StoreName;
    public const string DeletingStoreName = TestSilo.DeletingStoreName;

    private readonly IHost _host;
    private bool _running;

    private EmbeddedSilo(IHost host, string serviceId)
    {
        _host = host;
        ServiceId = serviceId;
    }

    public string ServiceId { get; }

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A grain storage provider of this silo, to drive it directly.</summary>
    public IGrainStorage Storage(string name) => _host.Services.GetRequiredKeyedService<IGrainStorage>(name);

    public static async Task<EmbeddedSilo> StartAsync(string databasePath, string serviceId, string name)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: $"cluster-{serviceId}");
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                silo.Configure<SiloOptions>(options => options.SiloName = name);
                silo.AddSqliteGrainStorage(StoreName, options => options.DatabasePath = databasePath);
                silo.AddSqliteGrainStorage(DeletingStoreName, options =>
                {
                    options.DatabasePath = databasePath;
                    options.DeleteStateOnClear = true;
                });
                silo.UseSqliteReminderService(options => options.DatabasePath = databasePath);
                silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            })
            .Build();

        var embeddedSilo = new EmbeddedSilo(host, serviceId);
        try
        {
            await host.StartAsync();
            embeddedSilo._running = true;
            return embeddedSilo;
        }
        catch
        {
            await embeddedSilo.DisposeAsync();
            throw;
        }
    }

    /// <summary>A service id of its own, so tests sharing a file never see each other's rows.</summary>
    public static string NewServiceId() => $"embedded-{Guid.NewGuid():N}"[..21];

    /// <summary>Stops the silo gracefully.</summary>
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
