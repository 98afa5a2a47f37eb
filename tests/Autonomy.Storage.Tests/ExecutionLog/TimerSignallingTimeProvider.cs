using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>A fake clock that says when a timer is started, so a test advances time only once the writer waits on it.</summary>
internal sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next timer with a finite due time is created.</summary>
    public Task NextTimer => Volatile.Read(ref _timerCreated).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Exchange(ref _timerCreated, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        return timer;
    }
}
