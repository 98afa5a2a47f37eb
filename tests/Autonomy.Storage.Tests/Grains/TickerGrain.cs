namespace Autonomy.Storage.Tests.Grains;

public sealed class TickerGrain(ILocalSiloDetails silo) : Grain, ITickerGrain, IRemindable
{
    public const string ReminderName = "tick";

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
            ReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        }

        return Task.CompletedTask;
    }
}
