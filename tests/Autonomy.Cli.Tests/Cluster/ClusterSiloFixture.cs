using System.Globalization;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>
/// One real embedded silo host (<see cref="TestSiloHost"/>) for the tests of a class, on free ports and a temp data
/// folder, without the sample tools (each test registers its own, under a fresh name). The CLI reaches it through
/// <see cref="Gateway"/>.
/// </summary>
public sealed class ClusterSiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestSiloHost? _host;

    /// <summary>The gateway as <c>--gateway</c> takes it.</summary>
    public string Gateway { get; } = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{FreePort()}");

    public string Directory => _directory.Path;

    /// <summary>The silo's grains, to drive traffic faster than one CLI run per execution.</summary>
    public IGrainFactory Grains => (_host ?? throw new InvalidOperationException("The silo has not started.")).Grains;

    /// <summary>Writes what the silo's execution log buffers, so rollups and stores show every execution so far.</summary>
    public Task FlushExecutionLogAsync() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Autonomy.Core.Storage.ExecutionLogWriter>((_host ?? throw new InvalidOperationException("The silo has not started.")).Services)
            .FlushAsync();

    public async Task InitializeAsync()
    {
        // The later GatewayPort setting overrides the one TestSiloHost picks, so the tests know the port. Workers
        // trust a cached active version for 2 s by default; the tests run a tool right after a rollback or pin.
        // `improve` deploys a verified fix at once here: no live shadow waiting for traffic the tests do not send.
        _host = await TestSiloHost.StartAsync(
            _directory.DatabasePath,
            "--Autonomy:Samples:Enabled=false",
            "--Autonomy:Tools:ActiveVersionTtlMilliseconds=0",
            "--Autonomy:Verification:LiveShadowExecutions=0",
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

    /// <summary>Writes a tool source under a fresh name and returns its path.</summary>
    public string WriteTool(string name, string body = "return new JsonObject { [\"result\"] = n + 1 };")
    {
        System.IO.Directory.CreateDirectory(_directory.Path);
        var path = Path.Combine(_directory.Path, $"{name}-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, ToolSource(name, body));
        return path;
    }

    public static string NewToolName() => $"cli_{Guid.NewGuid():N}"[..20];

    public static string ToolSource(string name, string body) => $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        [Tool("{{name}}", "Adds one to n.")]
        public sealed class AddOne : ITool
        {
            public async Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                await Task.CompletedTask;
                var n = input?["n"]?.GetValue<int>() ?? throw new InvalidToolInputException("'n' is required");
                {{body}}
            }
        }
        """;

    internal static int FreePort() => Autonomy.Silo.Tests.Support.FreePorts.Next();
}
