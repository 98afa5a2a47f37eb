using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Autonomy.Storage.Tests.Support;

/// <summary>An external client that finds the cluster's gateways through the ADO.NET clustering table.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClient(IHost host) => _host = host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<TestClient> ConnectAsync(PostgresDatabase database, TestClusterIds ids)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ids.ClusterId;
                    options.ServiceId = ids.ServiceId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = TestSilo.Invariant;
                    options.ConnectionString = database.ConnectionString;
                });
            })
            .Build();

        try
        {
            await host.StartAsync();
            return new TestClient(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
