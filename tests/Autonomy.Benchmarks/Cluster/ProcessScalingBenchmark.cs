using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// Does a second silo add throughput? Two real <c>autonomy-silo</c> processes in cluster mode on PostgreSQL, each
/// pinned to its own core with <c>taskset</c>; this process (the load generator) is pinned to the second core. Two
/// clients alternate rounds: one that knows only the first silo's gateway (stateless workers activate on the silo
/// that receives the call, so all executions run there: one silo's worth of CPU), and one that knows both (the
/// executions spread over both silos). Same silos, same tool, same database, same run.
/// </summary>
internal static class ProcessScalingBenchmark
{
    public const string Command = "cluster-processes";

    private const double ScalingLimit = 1.0;

    /// <summary><c>cluster-processes [seconds per round, default 3] [rounds, default 6] [callers, default 32]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var server = Environment.GetEnvironmentVariable("AUTONOMY_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("cluster-processes needs AUTONOMY_TEST_POSTGRES (an Npgsql connection string of a user that may create databases)");
            return 2;
        }

        if (Environment.ProcessorCount < 2 || !OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("cluster-processes needs Linux (taskset) and two cores");
            return 2;
        }

        var database = $"autonomy_scaling_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var id = Guid.NewGuid().ToString("N")[..10];
        var silos = new List<(Process Process, int Gateway)>();
        try
        {
            // This process generates load from core 1; silo A gets core 0 to itself, silo B shares core 1 with us.
            Process.GetCurrentProcess().ProcessorAffinity = 2;
            silos.Add(StartSilo(0, connection, id));
            await WaitReadyAsync(silos[0].Process);
            silos.Add(StartSilo(1, connection, id));
            await WaitReadyAsync(silos[1].Process);

            await using var one = await ClientAsync(id, [silos[0].Gateway]);
            await using var both = await ClientAsync(id, [silos[0].Gateway, silos[1].Gateway]);
            var tool = one.Client.GetGrain<IToolGrain>(TrivialTool.Name);
            var registered = await tool.RegisterVersionAsync(TrivialTool.Source, "human", "benchmark");
            if (registered.Version is not { } version || !(await tool.DeployAsync(version)).Succeeded)
            {
                Console.Error.WriteLine("the benchmark tool could not be deployed");
                return 1;
            }

            // Warm-up: JIT tiers, the tool's compilation on both silos, activations and connections, two rounds each.
            var round = TimeSpan.FromSeconds(seconds);
            for (var w = 0; w < 2; w++)
            {
                await RoundAsync(one.Client, callers, round);
                await RoundAsync(both.Client, callers, round);
            }

            var oneSilo = new List<LoadRound>();
            var twoSilos = new List<LoadRound>();
            for (var r = 0; r < rounds; r++)
            {
                if (r % 2 == 0)
                {
                    oneSilo.Add(await RoundAsync(one.Client, callers, round));
                    twoSilos.Add(await RoundAsync(both.Client, callers, round));
                }
                else
                {
                    twoSilos.Add(await RoundAsync(both.Client, callers, round));
                    oneSilo.Add(await RoundAsync(one.Client, callers, round));
                }

                Console.WriteLine(Invariant($"round {r + 1}/{rounds}: one silo {oneSilo[^1].Throughput:F0}/s, two silos {twoSilos[^1].Throughput:F0}/s"));
            }

            var ratios = oneSilo.Zip(twoSilos, (a, b) => b.Throughput / a.Throughput).Order().ToList();
            var median = ratios[ratios.Count / 2];
            Console.WriteLine();
            Console.WriteLine("| Silos (processes, one core each) | Throughput (executions/s, median) | p50 | p99 |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Invariant($"| 1 (client knows one gateway) | {Median(oneSilo):F0} | {Percentile(oneSilo, 0.5):F3} ms | {Percentile(oneSilo, 0.99):F3} ms |"));
            Console.WriteLine(Invariant($"| 2 (client knows both) | {Median(twoSilos):F0} | {Percentile(twoSilos, 0.5):F3} ms | {Percentile(twoSilos, 0.99):F3} ms |"));
            Console.WriteLine();
            Console.WriteLine(Invariant($"two silos / one silo: {median:F2} (rounds {ratios[0]:F2}–{ratios[^1]:F2}); limit > {ScalingLimit:F1}: {(median > ScalingLimit ? "met" : "not met")}"));
            return median > ScalingLimit ? 0 : 1;
        }
        finally
        {
            foreach (var (process, _) in silos)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }

            await using var admin = NpgsqlDataSource.Create(server);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static (Process Process, int Gateway) StartSilo(int core, string connection, string id)
    {
        var gateway = FreePort();
        var start = new ProcessStartInfo("taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            "-c", core.ToString(CultureInfo.InvariantCulture), "dotnet", Path.Combine(AppContext.BaseDirectory, "autonomy-silo.dll"),
            "--Autonomy:Mode=Cluster", $"--Autonomy:Postgres:ConnectionString={connection}",
            $"--Autonomy:Silo:ClusterId=scaling-{id}", $"--Autonomy:Silo:ServiceId=scaling-{id}", "--Autonomy:Silo:AdvertisedAddress=127.0.0.1",
            Invariant($"--Autonomy:Silo:SiloPort={FreePort()}"), Invariant($"--Autonomy:Silo:GatewayPort={gateway}"), Invariant($"--Autonomy:Http:Port={FreePort()}"),
            "--Autonomy:Samples:Enabled=false", "--Autonomy:Demo:Enabled=false", "--Autonomy:Loop:Enabled=false", "--Logging:LogLevel:Default=Warning",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start");
        return (process, gateway);
    }

    private static async Task WaitReadyAsync(Process silo)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _ = silo.StandardError.ReadToEndAsync(deadline.Token);
        while (await silo.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("Autonomy silo ready", StringComparison.Ordinal))
            {
                Console.WriteLine(line);
                _ = silo.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"a silo exited before it was ready (exit code {(silo.HasExited ? silo.ExitCode : -1)})");
    }

    private static async Task<ClientHandle> ClientAsync(string id, int[] gateways)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(orleans => orleans.UseLocalhostClustering(gateways, $"scaling-{id}", $"scaling-{id}"));
        var host = builder.Build();
        await host.StartAsync();
        return new ClientHandle(host);
    }

    private static Task<LoadRound> RoundAsync(IClusterClient client, int callers, TimeSpan duration) =>
        LoadRound.RunAsync(callers, duration, async caller =>
        {
            var reply = await client.GetGrain<IToolExecutorGrain>(caller).ExecuteAsync(TrivialTool.Name, TrivialTool.Input);
            if (reply.Status != ToolExecutionStatus.Executed || reply.Result.Outcome != ExecutionOutcome.Success)
            {
                throw new InvalidOperationException($"The tool call failed: {reply.Status} {reply.Result.Outcome}");
            }
        });

    private static double Median(List<LoadRound> rounds) => rounds.Select(r => r.Throughput).Order().ElementAt(rounds.Count / 2);

    private static double Percentile(List<LoadRound> rounds, double quantile)
    {
        var all = rounds.SelectMany(r => r.LatencyTicks).Order().ToArray();
        return all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(quantile * all.Length))] * 1000.0 / Stopwatch.Frequency;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ClientHandle(IHost host) : IAsyncDisposable
    {
        public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
