namespace Autonomy.Benchmarks.Cluster;

/// <summary>The tool the cluster benchmark executes: it returns its input, so what is measured is the path around it.</summary>
internal static class TrivialTool
{
    public const string Name = "bench_echo";

    /// <summary>The input of every call, tool and echo alike.</summary>
    public const string Input = """{"text": "hello, cluster"}""";

    public const string Source = """
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Benchmarks.Tools;

        [Tool("bench_echo", "Returns its input.")]
        public sealed class EchoTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) => Task.FromResult(input);
        }
        """;
}
