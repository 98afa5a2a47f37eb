namespace Autonomy.Storage.Tests.Grains;

/// <summary>Registers a reminder and reports every tick to <see cref="ReminderTicks"/>.</summary>
[Alias("storage-tests.ticker")]
public interface ITickerGrain : IGrainWithStringKey
{
    [Alias("start")]
    Task StartAsync(TimeSpan period);

    [Alias("stop")]
    Task StopAsync();
}
