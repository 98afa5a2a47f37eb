using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Autonomy.Tools.Sandbox;

/// <summary>
/// Enforces one execution's budgets. The sandbox rewriter inserts calls to the static members into tool code:
/// <see cref="Step"/> at loop back-edges and jumps, <see cref="Enter"/> at every method, accessor, local function
/// and lambda entry, <see cref="Reserve{T}"/> around array lengths and capacities, and <see cref="RegexTimeout()"/>
/// into regular expressions. The host runs tool code inside <see cref="Run{T}"/>.
/// Tools cannot call this type: the policy forbids its namespace.
/// </summary>
public sealed class SandboxMeter
{
    /// <summary>How many steps pass between checks of the clock, the token and the allocation counter.</summary>
    public const int CheckInterval = 1024;

    [ThreadStatic]
    private static SandboxMeter? t_current;

    [ThreadStatic]
    private static nint t_stackBase;

    [ThreadStatic]
    private static long t_allocatedAtSegmentStart;

    private readonly SandboxLimits _limits;
    private readonly TimeProvider _time;
    private readonly long _deadline;
    private readonly CancellationToken _cancellation;
    private readonly SandboxSynchronizationContext _context;
    private long _stepsLeft;
    private long _nextCheckAt;
    private long _allocatedInEndedSegments;
    private int _tripped;
    private string? _tripMessage;
    private Exception? _strayException;

    /// <summary>Creates a meter for one execution. The deadline starts now.</summary>
    public SandboxMeter(SandboxLimits limits, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        _limits = limits;
        _time = time;
        _cancellation = cancellation;
        var ticks = (long)(limits.Timeout.TotalSeconds * time.TimestampFrequency);
        _deadline = time.GetTimestamp() + Math.Max(ticks, 1);
        _stepsLeft = limits.MaxSteps;
        _nextCheckAt = Math.Max(0, _stepsLeft - CheckInterval);
        _context = new SandboxSynchronizationContext(this);
    }

    /// <summary>The budget that ran out first, if any.</summary>
    public SandboxBudget? Exceeded => _tripped == 0 ? null : (SandboxBudget)_tripped;

    /// <summary>Says how the budget ran out, if it did.</summary>
    public string? ExceededMessage => Volatile.Read(ref _tripMessage);

    /// <summary>Steps used so far (approximate when continuations ran in parallel).</summary>
    public long StepsUsed => _limits.MaxSteps - Math.Max(0, Volatile.Read(ref _stepsLeft));

    /// <summary>Bytes allocated by ended segments of this execution.</summary>
    public long AllocatedBytes => Interlocked.Read(ref _allocatedInEndedSegments);

    /// <summary>An exception a tool continuation threw where nobody could observe it, such as in async void code.</summary>
    public Exception? StrayException => Volatile.Read(ref _strayException);

    /// <summary>The limits this meter enforces.</summary>
    public SandboxLimits Limits => _limits;

    /// <summary>Counts one step: a loop iteration or a jump.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step()
    {
        var meter = t_current ?? ThrowOutsideSandbox();
        if (--meter._stepsLeft <= meter._nextCheckAt)
        {
            meter.CheckSlow();
        }
    }

    /// <summary>Counts a call and checks the stack in use against the call-depth budget.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter()
    {
        var meter = t_current ?? ThrowOutsideSandbox();
        byte marker = 0;
        if (t_stackBase - (nint)(&marker) > meter._limits.MaxStackBytes)
        {
            meter.Trip(SandboxBudget.CallDepth, $"the call depth went past the budget of {meter._limits.MaxStackBytes / 1024} KiB of stack (runaway recursion?)");
        }

        if (--meter._stepsLeft <= meter._nextCheckAt)
        {
            meter.CheckSlow();
        }
    }

    /// <summary>Checks that <paramref name="count"/> units of <paramref name="unitSize"/> bytes fit in the allocation budget, and returns the count.</summary>
    public static T Reserve<T>(T count, int unitSize) where T : IBinaryInteger<T>
    {
        var meter = t_current ?? ThrowOutsideSandbox();
        var units = long.CreateSaturating(count);
        if (units > 0)
        {
            var bytes = units > long.MaxValue / Math.Max(unitSize, 1) ? long.MaxValue : units * Math.Max(unitSize, 1);
            var used = meter.CurrentAllocatedBytes();
            if (bytes > meter._limits.MaxAllocatedBytes - used)
            {
                meter.Trip(SandboxBudget.Memory, $"an allocation of {bytes:N0} bytes would go past the memory budget of {meter._limits.MaxAllocatedBytes:N0} bytes");
            }
        }

        return count;
    }

    /// <summary>The match timeout for a regular expression that named none: the time left before the deadline.</summary>
    public static TimeSpan RegexTimeout() => RegexTimeout(Regex.InfiniteMatchTimeout);

    /// <summary>The match timeout for a regular expression: the one asked for, but never past the deadline.</summary>
    public static TimeSpan RegexTimeout(TimeSpan requested)
    {
        var meter = t_current ?? ThrowOutsideSandbox();
        var left = meter._time.GetElapsedTime(meter._time.GetTimestamp(), meter._deadline);
        if (left < TimeSpan.FromMilliseconds(1))
        {
            left = TimeSpan.FromMilliseconds(1);
        }

        return requested == Regex.InfiniteMatchTimeout || requested > left ? left : requested;
    }

    /// <summary>
    /// Runs a piece of tool code on the current thread inside this meter: the thread's stack base and allocation
    /// counter are taken, and async continuations come back through the meter.
    /// </summary>
    public unsafe T Run<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var previousMeter = t_current;
        var previousBase = t_stackBase;
        var previousAllocated = t_allocatedAtSegmentStart;
        var previousContext = SynchronizationContext.Current;
        byte marker = 0;
        t_current = this;
        t_stackBase = (nint)(&marker);
        t_allocatedAtSegmentStart = GC.GetAllocatedBytesForCurrentThread();
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            return body();
        }
        finally
        {
            Interlocked.Add(ref _allocatedInEndedSegments, GC.GetAllocatedBytesForCurrentThread() - t_allocatedAtSegmentStart);
            SynchronizationContext.SetSynchronizationContext(previousContext);
            t_current = previousMeter;
            t_stackBase = previousBase;
            t_allocatedAtSegmentStart = previousAllocated;
        }
    }

    /// <summary>Marks the execution as out of time because the host stopped waiting for it.</summary>
    public void ExpireNow() => MarkTripped(SandboxBudget.Time, "the deadline passed");

    internal void RecordStrayException(Exception exception) => Interlocked.CompareExchange(ref _strayException, exception, null);

    private long CurrentAllocatedBytes() =>
        Interlocked.Read(ref _allocatedInEndedSegments) + (GC.GetAllocatedBytesForCurrentThread() - t_allocatedAtSegmentStart);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckSlow()
    {
        if (_tripped != 0)
        {
            throw new SandboxBudgetExceededException((SandboxBudget)_tripped, _tripMessage ?? "a budget ran out");
        }

        if (_stepsLeft <= 0)
        {
            Trip(SandboxBudget.Steps, $"the step budget of {_limits.MaxSteps:N0} ran out (a loop that does not end?)");
        }

        if (_time.GetTimestamp() >= _deadline)
        {
            Trip(SandboxBudget.Time, $"the deadline of {_limits.Timeout.TotalMilliseconds:N0} ms passed");
        }

        if (_cancellation.IsCancellationRequested)
        {
            Trip(SandboxBudget.Time, "the execution was cancelled");
        }

        var allocated = CurrentAllocatedBytes();
        if (allocated > _limits.MaxAllocatedBytes)
        {
            Trip(SandboxBudget.Memory, $"{allocated:N0} bytes allocated, past the memory budget of {_limits.MaxAllocatedBytes:N0} bytes");
        }

        _nextCheckAt = Math.Max(0, _stepsLeft - CheckInterval);
    }

    [DoesNotReturn]
    private void Trip(SandboxBudget budget, string message)
    {
        MarkTripped(budget, message);
        throw new SandboxBudgetExceededException((SandboxBudget)_tripped, _tripMessage ?? message);
    }

    private void MarkTripped(SandboxBudget budget, string message)
    {
        if (Interlocked.CompareExchange(ref _tripped, (int)budget, 0) == 0)
        {
            Volatile.Write(ref _tripMessage, message);
        }

        // From now on every step and call takes the slow path and throws again, so catching does not help.
        _nextCheckAt = long.MaxValue;
    }

    [DoesNotReturn]
    private static SandboxMeter ThrowOutsideSandbox() =>
        throw new InvalidOperationException("Tool code ran outside its sandbox (on a thread or callback the sandbox does not know).");
}
