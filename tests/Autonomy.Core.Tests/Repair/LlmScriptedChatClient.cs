using Microsoft.Extensions.AI;

namespace Autonomy.Core.Tests.Repair;

/// <summary>A chat client that answers from a script and keeps a snapshot of every conversation it was sent.</summary>
internal sealed class LlmScriptedChatClient(Func<int, IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> reply) : IChatClient
{
    private readonly List<IReadOnlyList<ChatMessage>> _requests = [];

    /// <summary>Answers request n (0-based) with replies[n], and with the last reply from then on.</summary>
    public LlmScriptedChatClient(params string[] replies)
        : this((n, _, _) => Task.FromResult(replies[Math.Min(n, replies.Length - 1)]))
    {
    }

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(sent);
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await reply(index, sent, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The LLM generator does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
