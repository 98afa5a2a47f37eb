namespace Autonomy.Storage.Tests.Embedded.Grains;

/// <summary>Registers a reminder and reports every tick to <see cref="EmbeddedReminderTicks"/>.</summary>
[Alias("storage-tests.embedded-ticker")]
public interface IEmbeddedTickerGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task StartAsync(TimeSpan period);

    [Alias("stop")]
    Task StopAsync();
}
