using System.Globalization;

namespace Autonomy.Core.Tests.Lifecycle;

/// <summary>Tool sources for the lifecycle tests.</summary>
internal static class LifecycleSources
{
    public static string Echo(string name, int mark) =>
        $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        [Tool("{{name}}", "Echoes n, marked.")]
        public sealed class EchoTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) =>
                Task.FromResult<JsonNode?>(new JsonObject { ["mark"] = {{mark.ToString(CultureInfo.InvariantCulture)}} });
        }
        """;
}
