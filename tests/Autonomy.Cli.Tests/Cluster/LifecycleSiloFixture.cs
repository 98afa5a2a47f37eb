using System.Globalization;
using Autonomy.Core.Storage;
using Autonomy.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>
/// A real embedded silo host whose lifecycle manager syncs a tools folder of its own, for the alerts, maintenance
/// and restore commands. The folder keeps a keeper tool, so that removing a test's file never empties it.
/// </summary>
public sealed class LifecycleSiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestSiloHost? _host;

    public LifecycleSiloFixture()
    {
        ToolsFolder = Path.Combine(_directory.Path, "tools");
        Directory.CreateDirectory(ToolsFolder);
        Write("keeper.cs", ClusterSiloFixture.ToolSource(ClusterSiloFixture.NewToolName(), "return new JsonObject { [\"result\"] = n };"));
    }

    public string Gateway { get; } = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{ClusterSiloFixture.FreePort()}");

    public string ToolsFolder { get; }

    public async Task InitializeAsync()
    {
        _host = await TestSiloHost.StartAsync(
            _directory.DatabasePath,
            "--Autonomy:Samples:Enabled=false",
            "--Autonomy:Tools:ActiveVersionTtlMilliseconds=0",
            $"--Autonomy:Lifecycle:ToolsFolder={ToolsFolder}",
            $"--Autonomy:Silo:GatewayPort={Gateway.Split(':')[1]}");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        _directory.Dispose();
    }

    /// <summary>Runs the CLI in-process against this silo (the connection options are appended).</summary>
    internal Task<CliRunner.Run> RunAsync(params string[] args) => CliRunner.InProcessAsync([.. args, "--gateway", Gateway]);

    public void Write(string fileName, string source) => File.WriteAllText(Path.Combine(ToolsFolder, fileName), source);

    public void Remove(string fileName) => File.Delete(Path.Combine(ToolsFolder, fileName));

    /// <summary>Writes what the silo's execution log holds, so that maintenance reads the executions that just ran.</summary>
    public Task FlushExecutionLogAsync() =>
        (_host ?? throw new InvalidOperationException("The silo has not started.")).Services.GetRequiredService<ExecutionLogWriter>().FlushAsync();
}
