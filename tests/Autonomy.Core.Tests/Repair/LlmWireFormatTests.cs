using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Autonomy.Core.Tests.Repair.LlmFixtures;

namespace Autonomy.Core.Tests.Repair;

/// <summary>The chat client <see cref="LlmServiceCollectionExtensions.AddLlm"/> registers, against a local listener that impersonates an OpenAI-compatible endpoint.</summary>
public sealed class LlmWireFormatTests
{
    private static readonly TimeSpan RequestWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AddLlm_OpenAiCompatibleEndpoint_PostsModelMessagesAndBearerKeyAndParsesTheReplyIntoACandidate()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = ServeOneCompletionAsync(listener, Reply(Fixed));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Autonomy:Llm:Endpoint"] = $"http://127.0.0.1:{port}/v1",
            ["Autonomy:Llm:Model"] = "repair-model",
            ["Autonomy:Llm:ApiKey"] = "sk-wire-test",
            ["Autonomy:Llm:TimeoutSeconds"] = "60",
        }).Build();
        await using var provider = new ServiceCollection().AddLlm(configuration).BuildServiceProvider();
        var generator = Assert.IsType<LlmRepairGenerator>(Assert.Single(provider.GetServices<IRepairGenerator>()));
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(generator, Problem(), evaluator);

        var request = await served.WaitAsync(RequestWait);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-wire-test", request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("repair-model", body["model"]!.GetValue<string>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(LlmPrompt.SystemPrompt, Text(messages[0]!));
        Assert.Contains(DefectiveLine, Text(messages[1]!), StringComparison.Ordinal);
        Assert.Contains(FailingExpected, Text(messages[1]!), StringComparison.Ordinal);
        var candidate = Assert.Single(candidates);
        Assert.Equal(Fixed, candidate.Source);
        Assert.Equal(LlmRepairGenerator.GeneratorName, candidate.Generator);
    }

    /// <summary>Answers one request with a canned chat completion whose message content is <paramref name="content"/>, and returns what was sent.</summary>
    private static async Task<CapturedRequest> ServeOneCompletionAsync(HttpListener listener, string content)
    {
        var context = await listener.GetContextAsync();
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var captured = new CapturedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-wire",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "repair-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 20, ["total_tokens"] = 30 },
        };
        var bytes = Encoding.UTF8.GetBytes(completion.ToJsonString());
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return captured;
    }

    /// <summary>A message's text, whether the client sent its content as a string or as text parts.</summary>
    private static string Text(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        JsonNode content when content.GetValueKind() == JsonValueKind.String => content.GetValue<string>(),
        _ => string.Empty,
    };

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed record CapturedRequest(string Method, string Path, string? Authorization, string Body);
}
