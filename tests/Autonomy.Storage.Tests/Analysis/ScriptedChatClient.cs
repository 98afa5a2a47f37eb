using Microsoft.Extensions.AI;

namespace Autonomy.Storage.Tests.Analysis;

/// <summary>A chat client that answers every request with a scripted reply (or exception) and keeps what it was sent.</summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> reply) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        Requests.Add(sent);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(sent))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The narrator does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
