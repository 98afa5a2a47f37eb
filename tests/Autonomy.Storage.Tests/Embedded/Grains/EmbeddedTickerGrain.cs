namespace Autonomy.Storage.Tests.Embedded.Grains;

public sealed class EmbeddedTickerGrain(ILocalSiloDetails silo) : Grain, IEmbeddedTickerGrain, IRemindable
{
    public const string ReminderName = "embedded-tick";

    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (string.Equals(reminderName, ReminderName, StringComparison.Ordinal))
        {
            EmbeddedReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        }

        return Task.CompletedTask;
    }
}
