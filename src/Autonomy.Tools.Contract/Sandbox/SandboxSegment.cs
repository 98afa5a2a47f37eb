namespace Autonomy.Tools.Sandbox;

/// <summary>
/// One stretch of an execution on one thread: what the sandbox's hot path needs, behind one thread-static read.
/// Rewritten tool code holds it opaquely; only the meter reads or changes it.
/// </summary>
public sealed class SandboxSegment
{
    internal SandboxSegment(SandboxMeter meter, nint stackLimit)
    {
        Meter = meter;
        StackLimit = stackLimit;
    }

    /// <summary>Steps and calls left before this thread settles with the meter.</summary>
    internal int Countdown = SandboxMeter.SegmentInterval;

    internal SandboxMeter Meter { get; }

    /// <summary>The lowest stack address tool code may reach (stacks grow down).</summary>
    internal nint StackLimit { get; }

    /// <summary>The thread's allocation counter when the segment started running tool code.</summary>
    internal long AllocatedAtStart;
}
