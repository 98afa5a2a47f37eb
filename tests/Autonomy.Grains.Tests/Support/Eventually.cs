namespace Autonomy.Grains.Tests.Support;

/// <summary>Polls a condition that becomes true asynchronously (a timer, a reminder), with a deadline.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(deadline) > limit)
            {
                throw new TimeoutException($"The condition did not hold within {limit.TotalSeconds} s; last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
