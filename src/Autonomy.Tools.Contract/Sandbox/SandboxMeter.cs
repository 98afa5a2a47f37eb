using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Autonomy.Tools.Sandbox;

/// <summary>
/// Enforces one execution's budgets. The sandbox rewriter inserts calls to the static members into tool code:
/// <see cref="Step()"/> (or <see cref="Step(SandboxSegment)"/>) at loop back-edges and jumps, <see cref="Enter"/> at every method, accessor, local function
/// and lambda entry, <see cref="Reserve{T}"/> around array lengths and capacities, and <see cref="RegexTimeout()"/>
/// into regular expressions. The host runs tool code inside <see cref="Run{T}"/>.
/// Tools cannot call this type: the policy forbids its namespace.
/// </summary>
public sealed class SandboxMeter
{
    /// <summary>How many steps pass between checks of the clock, the token and the allocation counter.</summary>
    public const int CheckInterval = 1024;

    /// <summary>
    /// How many steps and calls a thread counts on its own before it settles them with the meter and checks its
    /// stack. Call depth grows by at most one frame a call, so the stack is never more than this many frames past
    /// its budget when the check sees it.
    /// </summary>
    public const int SegmentInterval = 32;

    // The only thread-static the hot path reads. On Linux each thread-static read is a call to the TLS resolver, and
    // the hot path runs at every call of tool code; loops in synchronous bodies skip it (see Step(SandboxSegment)).
    [ThreadStatic]
    private static SandboxSegment? t_segment;

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

    /// <summary>Steps used by ended segments, and by running ones up to their last settlement.</summary>
    public long StepsUsed => _limits.MaxSteps - Math.Max(0, Interlocked.Read(ref _stepsLeft));

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
        var segment = t_segment ?? ThrowOutsideSandbox();
        if (--segment.Countdown <= 0)
        {
            segment.Meter.Settle(segment);
        }
    }

    /// <summary>
    /// Counts one step on a segment the caller already holds: the rewriter keeps the segment <see cref="Enter"/>
    /// returned in a local of each synchronous function body, which never leaves its thread, so loops there skip
    /// the thread-static read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(SandboxSegment segment)
    {
        if (--segment.Countdown <= 0)
        {
            segment.Meter.Settle(segment);
        }
    }

    /// <summary>
    /// Counts a call; every <see cref="SegmentInterval"/> steps and calls the stack in use is checked against the
    /// call-depth budget. Returns the thread's segment, for <see cref="Step(SandboxSegment)"/> in the same body.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SandboxSegment Enter()
    {
        var segment = t_segment ?? ThrowOutsideSandbox();
        if (--segment.Countdown <= 0)
        {
            segment.Meter.Settle(segment);
        }

        return segment;
    }

    /// <summary>Checks that <paramref name="count"/> units of <paramref name="unitSize"/> bytes fit in the allocation budget, and returns the count.</summary>
    public static T Reserve<T>(T count, int unitSize) where T : IBinaryInteger<T>
    {
        var segment = t_segment ?? ThrowOutsideSandbox();
        var meter = segment.Meter;
        var units = long.CreateSaturating(count);
        if (units > 0)
        {
            var bytes = units > long.MaxValue / Math.Max(unitSize, 1) ? long.MaxValue : units * Math.Max(unitSize, 1);
            var used = meter.CurrentAllocatedBytes(segment);
            if (bytes > meter._limits.MaxAllocatedBytes - used)
            {
                meter.Trip(segment, SandboxBudget.Memory, $"an allocation of {bytes:N0} bytes would go past the memory budget of {meter._limits.MaxAllocatedBytes:N0} bytes");
            }
        }

        return count;
    }

    /// <summary>The match timeout for a regular expression that named none: the time left before the deadline.</summary>
    public static TimeSpan RegexTimeout() => RegexTimeout(Regex.InfiniteMatchTimeout);

    /// <summary>The match timeout for a regular expression: the one asked for, but never past the deadline.</summary>
    public static TimeSpan RegexTimeout(TimeSpan requested)
    {
        var meter = (t_segment ?? ThrowOutsideSandbox()).Meter;
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
        var previousSegment = t_segment;
        var previousContext = SynchronizationContext.Current;
        byte marker = 0;
        var stackBase = (nint)(&marker);
        var segment = new SandboxSegment(this, stackBase - (nint)Math.Min(_limits.MaxStackBytes, int.MaxValue));
        t_segment = segment;

        segment.AllocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            return body();
        }
        finally
        {
            Interlocked.Add(ref _allocatedInEndedSegments, GC.GetAllocatedBytesForCurrentThread() - segment.AllocatedAtStart);
            Interlocked.Add(ref _stepsLeft, -Math.Clamp(SegmentInterval - segment.Countdown, 0, SegmentInterval));
            SynchronizationContext.SetSynchronizationContext(previousContext);
            t_segment = previousSegment;
        }
    }

    /// <summary>Marks the execution as out of time because the host stopped waiting for it.</summary>
    public void ExpireNow() => MarkTripped(SandboxBudget.Time, "the deadline passed");

    internal void RecordStrayException(Exception exception) => Interlocked.CompareExchange(ref _strayException, exception, null);

    private long CurrentAllocatedBytes(SandboxSegment segment) =>
        Interlocked.Read(ref _allocatedInEndedSegments) + (GC.GetAllocatedBytesForCurrentThread() - segment.AllocatedAtStart);

    /// <summary>Settles a segment's counted steps with the meter and checks the stack; off the hot path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal unsafe void Settle(SandboxSegment segment)
    {
        var counted = SegmentInterval - segment.Countdown;
        segment.Countdown = SegmentInterval;
        if (_tripped != 0)
        {
            // Once a budget ran out, every step and call comes back here and throws again, so catching does not help.
            segment.Countdown = 0;
            throw new SandboxBudgetExceededException((SandboxBudget)_tripped, _tripMessage ?? "a budget ran out");
        }

        byte marker = 0;
        if ((nint)(&marker) < segment.StackLimit)
        {
            Trip(segment, SandboxBudget.CallDepth, $"the call depth went past the budget of {_limits.MaxStackBytes / 1024} KiB of stack (runaway recursion?)");
        }

        if (Interlocked.Add(ref _stepsLeft, -counted) <= Volatile.Read(ref _nextCheckAt))
        {
            CheckSlow(segment);
        }
    }

    private void CheckSlow(SandboxSegment segment)
    {
        if (_stepsLeft <= 0)
        {
            Trip(segment, SandboxBudget.Steps, $"the step budget of {_limits.MaxSteps:N0} ran out (a loop that does not end?)");
        }

        if (_time.GetTimestamp() >= _deadline)
        {
            Trip(segment, SandboxBudget.Time, $"the deadline of {_limits.Timeout.TotalMilliseconds:N0} ms passed");
        }

        if (_cancellation.IsCancellationRequested)
        {
            Trip(segment, SandboxBudget.Time, "the execution was cancelled");
        }

        var allocated = CurrentAllocatedBytes(segment);
        if (allocated > _limits.MaxAllocatedBytes)
        {
            Trip(segment, SandboxBudget.Memory, $"{allocated:N0} bytes allocated, past the memory budget of {_limits.MaxAllocatedBytes:N0} bytes");
        }

        Volatile.Write(ref _nextCheckAt, Math.Max(0, Interlocked.Read(ref _stepsLeft) - CheckInterval));
    }

    [DoesNotReturn]
    private void Trip(SandboxSegment segment, SandboxBudget budget, string message)
    {
        MarkTripped(budget, message);
        segment.Countdown = 0;
        throw new SandboxBudgetExceededException((SandboxBudget)_tripped, _tripMessage ?? message);
    }

    private void MarkTripped(SandboxBudget budget, string message)
    {
        if (Interlocked.CompareExchange(ref _tripped, (int)budget, 0) == 0)
        {
            Volatile.Write(ref _tripMessage, message);
        }

        // Every thread of this execution settles within SegmentInterval steps, sees the trip and throws.
        Volatile.Write(ref _nextCheckAt, long.MaxValue);
    }

    [DoesNotReturn]
    private static SandboxSegment ThrowOutsideSandbox() =>
        throw new InvalidOperationException("Tool code ran outside its sandbox (on a thread or callback the sandbox does not know).");
}
