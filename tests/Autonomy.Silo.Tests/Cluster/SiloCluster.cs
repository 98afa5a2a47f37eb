using System.Globalization;
using Autonomy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// The silo processes of one test: one cluster id and service id, every silo on fresh ports and the test's
/// database. Disposing kills whatever still runs and writes every process's output to the test's log.
/// </summary>
internal sealed class SiloCluster(ClusterDatabase database, ITestOutputHelper output, params string[] extraArguments) : IAsyncDisposable
{
    /// <summary>A cold start compiles on two shared cores: generous, since a slow machine is not a failure.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(4);

    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    private readonly List<SiloProcess> _processes = [];
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    public string ClusterId => $"cluster-{_id}";

    public string ServiceId => $"service-{_id}";

    /// <summary>Starts a silo and returns it with its silo port; wait for it with <see cref="SiloProcess.WaitReadyAsync"/>.</summary>
    public (SiloProcess Process, int SiloPort) Start(string name)
    {
        var siloPort = FreePorts.Next();
        List<string> arguments =
        [
            "--Autonomy:Mode=Cluster",
            $"--Autonomy:Postgres:ConnectionString={database.ConnectionString}",
            $"--Autonomy:Silo:ClusterId={ClusterId}",
            $"--Autonomy:Silo:ServiceId={ServiceId}",
            "--Autonomy:Silo:AdvertisedAddress=127.0.0.1",
            Setting("Autonomy:Silo:SiloPort", siloPort),
            Setting("Autonomy:Silo:GatewayPort", FreePorts.Next()),
            Setting("Autonomy:Http:Port", FreePorts.Next()),
            $"--Autonomy:Samples:Directory={TestSiloHost.SamplesDirectory}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArguments,
        ];
        var process = SiloProcess.Start(name, arguments);
        _processes.Add(process);
        return (process, siloPort);
    }

    public ValueTask<ClusterClient> ConnectAsync() =>
        new(ClusterClient.ConnectAsync(database.ConnectionString, ClusterId, ServiceId));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
            output.WriteLine($"==== silo {process.Name} ====");
            output.WriteLine(process.Output);
        }
    }

    private static string Setting(string key, int value) => string.Create(CultureInfo.InvariantCulture, $"--{key}={value}");
}
