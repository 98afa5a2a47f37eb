namespace Autonomy.Core.Storage;

/// <summary>
/// Timestamps as the stores keep them: UTC, truncated to the millisecond, which both PostgreSQL (microseconds)
/// and SQLite (unix milliseconds) hold exactly, so a value reads back equal from either.
/// </summary>
public static class StoreTime
{
    /// <summary>Converts to UTC and drops the sub-millisecond part.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The current time from <paramref name="timeProvider"/>, as stored.</summary>
    public static DateTimeOffset Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Truncate(timeProvider.GetUtcNow());
    }
}
