namespace Autonomy.Tools;

/// <summary>What a tool gets besides its input: cancellation, a log whose lines are kept with the execution, and the clock.</summary>
public sealed class ToolContext
{
    /// <summary>Creates a context. The host creates one per execution.</summary>
    public ToolContext(ToolLog log, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        Log = log;
        Time = time;
        Cancellation = cancellation;
    }

    /// <summary>Signalled when the caller gives up or the execution's deadline passes. Pass it to anything that waits.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The execution's log. Its lines are stored with the execution and shown in investigations.</summary>
    public ToolLog Log { get; }

    /// <summary>The clock. Tools read time here, never from <c>DateTime.Now</c>, so that replays and tests control it.</summary>
    public TimeProvider Time { get; }

    /// <summary>The current time from <see cref="Time"/>.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();
}
