using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Autonomy.Storage.Tests.Embedded.Grains;

/// <summary>Reminder ticks seen in this process, one queue per grain key, so that tests wait on events.</summary>
public static class EmbeddedReminderTicks
{
    private static readonly ConcurrentDictionary<string, Channel<SiloAddress>> Ticks = new(StringComparer.Ordinal);

    public static void Record(string grainKey, SiloAddress silo) => For(grainKey).Writer.TryWrite(silo);

    /// <summary>Waits for the next tick of the grain and returns the silo that delivered it.</summary>
    public static Task<SiloAddress> NextAsync(string grainKey, TimeSpan timeout) =>
        For(grainKey).Reader.ReadAsync().AsTask().WaitAsync(timeout);

    /// <summary>Forgets the ticks delivered so far.</summary>
    public static void Discard(string grainKey)
    {
        var reader = For(grainKey).Reader;
        while (reader.TryRead(out _))
        {
        }
    }

    private static Channel<SiloAddress> For(string grainKey) =>
        Ticks.GetOrAdd(grainKey, _ => Channel.CreateUnbounded<SiloAddress>());
}
