using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Autonomy.Cli.Cluster;

/// <summary>
/// An Orleans client connected to the cluster for one command. Connecting gives up after the target's timeout:
/// the gateway connection attempt is bounded by it, and the client does not retry a failed start.
/// </summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, ClusterTarget target)
    {
        _host = host;
        Target = target;
    }

    public ClusterTarget Target { get; }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, or throws <see cref="ClusterUnavailableException"/> with the one line to print.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        var gateways = target.UsesDatabase ? [] : await ResolveAsync(target, cancellationToken);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        // A command prints its own one-line errors; the client's connection warnings would only repeat them.
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = target.ClusterId;
                options.ServiceId = target.ServiceId;
            });
            client.Configure<ConnectionOptions>(options => options.OpenConnectionTimeout = target.ConnectTimeout);
            if (target.ResponseTimeout is { } responseTimeout)
            {
                client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = responseTimeout);
            }


            // One attempt: a refused connection is an answer, and waiting out the timeout would only delay it.
            client.UseConnectionRetryFilter(static (_, _) => Task.FromResult(false));
            if (target.UsesDatabase)
            {
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = ClusterTarget.PostgresInvariant;
                    options.ConnectionString = target.PostgresConnectionString;
                });
            }
            else
            {
                client.UseStaticClustering(gateways);
            }
        });

        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token).WaitAsync(timeout.Token);
            return new ClusterConnection(host, target);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(host);
            var reason = target.UsesDatabase && ex is not OperationCanceledException ? $" ({FirstLine(ex.Message)})" : string.Empty;
            throw new ClusterUnavailableException(target.UnavailableMessage + reason, ex);
        }
        catch
        {
            await StopQuietlyAsync(host);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await StopQuietlyAsync(_host);

    private static async Task<IPEndPoint[]> ResolveAsync(ClusterTarget target, CancellationToken cancellationToken)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var gateway in target.Gateways)
        {
            if (IPAddress.TryParse(gateway.Host, out var address))
            {
                endpoints.Add(new IPEndPoint(address, gateway.Port));
                continue;
            }

            try
            {
                var addresses = await Dns.GetHostAddressesAsync(gateway.Host, cancellationToken);

                // Silos advertise IPv4 addresses unless configured otherwise; prefer them.
                var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
                if (chosen is not null)
                {
                    endpoints.Add(new IPEndPoint(chosen, gateway.Port));
                }
            }
            catch (SocketException)
            {
                // An unknown host is one gateway that cannot answer; the others may.
            }
        }

        return endpoints.Count > 0
            ? [.. endpoints]
            : throw new ClusterUnavailableException(target.UnavailableMessage + " (no gateway host name resolved)");
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await host.StopAsync(stop.Token);
        }
#pragma warning disable CA1031 // Leaving: a client that never connected may fail to stop, and nothing depends on it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (host is IAsyncDisposable asyncDisposable)
        {
            try
            {
                await asyncDisposable.DisposeAsync();
            }
#pragma warning disable CA1031 // As above.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
        else
        {
            host.Dispose();
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
