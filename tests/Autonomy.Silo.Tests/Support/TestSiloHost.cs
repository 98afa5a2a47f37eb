using System.Globalization;
using Autonomy.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Silo.Tests.Support;

/// <summary>
/// The real silo host (<see cref="SiloApp.Build"/>), run in-process on a data folder, free ports and the
/// repository's sample tools (copied next to the tests).
/// </summary>
public sealed class TestSiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSiloHost(WebApplication app, int httpPort, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
        Http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/")) };
    }

    /// <summary>The samples copied to the test output.</summary>
    public static string SamplesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "samples");

    public string DatabasePath { get; }

    public HttpClient Http { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app.Services;

    /// <summary>The arguments for a host on <paramref name="databasePath"/> and fresh free ports.</summary>
    public static List<string> Arguments(string databasePath, out int httpPort)
    {
        httpPort = FreePort();
        return
        [
            $"--Autonomy:Sqlite:DatabasePath={databasePath}",
            Setting("Autonomy:Http:Port", httpPort),
            Setting("Autonomy:Silo:SiloPort", FreePort()),
            Setting("Autonomy:Silo:GatewayPort", FreePort()),
            $"--Autonomy:Samples:Directory={SamplesDirectory}",
            "--Logging:LogLevel:Default=Warning",

            // The repository's appsettings.json turns the demo on; its traffic would disturb the tests' counts.
            "--Autonomy:Demo:Enabled=false",
        ];
    }

    /// <summary>Builds and starts a host; returns once the samples are loaded and the HTTP port answers.</summary>
    public static async Task<TestSiloHost> StartAsync(string databasePath, params string[] extraArguments)
    {
        var arguments = Arguments(databasePath, out var httpPort);
        arguments.AddRange(extraArguments);
        var app = SiloApp.Build([.. arguments]);
        var host = new TestSiloHost(app, httpPort, databasePath);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>How many rows of <c>tool_executions</c> have this id, read straight from the file.</summary>
    public static async Task<long> CountExecutionsAsync(string databasePath, Guid executionId)
    {
        await using var connection = await SqliteConnectionFactory.ForFile(databasePath).OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tool_executions WHERE execution_id = $id";
        command.Parameters.Add(new SqliteParameter("$id", executionId.ToByteArray()));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the host gracefully (the silo, then the execution log's drain).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static string Setting(string key, int value) => string.Create(CultureInfo.InvariantCulture, $"--{key}={value}");

    private static int FreePort() => FreePorts.Next();
}
