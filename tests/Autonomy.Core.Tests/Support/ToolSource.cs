namespace Autonomy.Core.Tests.Support;

/// <summary>Builds tool sources for tests around a body and optional extra members.</summary>
internal static class ToolSource
{
    /// <summary>A complete tool whose ExecuteAsync body is <paramref name="body"/>. The body starts on line 9.</summary>
    public static string With(string body, string members = "", string attributes = "") => $$"""
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;
[Tool("test_tool", "A tool for tests.")]{{attributes}}
public sealed class TestTool : ITool { public async Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) { await Task.CompletedTask;
{{body}}
}
{{members}}
}
""";

    /// <summary>The line on which <see cref="With"/> places the first line of the body.</summary>
    public const int BodyLine = 9;
}
