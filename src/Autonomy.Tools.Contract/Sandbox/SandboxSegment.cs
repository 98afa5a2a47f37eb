namespace Autonomy.Tools.Sandbox;

/// <summary>
/// One stretch of an execution on one thread: what the sandbox's hot path needs, behind one thread-static read.
/// Rewritten tool code holds it opaquely; only the meter reads or changes it.
/// </summary>
public sealed class SandboxSegment
{
    /// <summary>
    /// How far below its call-depth limit a segment's stack range reaches: the stack is checked every
    /// <see cref="SandboxMeter.SegmentInterval"/> calls, so tool code can be a few frames past the limit before a
    /// check sees it.
    /// </summary>
    private const int StackSlack = 256 * 1024;

    internal SandboxSegment(SandboxMeter meter, nint stackBase, nint stackLimit)
    {
        Meter = meter;
        StackLimit = stackLimit;
        High = stackBase;
        Low = stackLimit - StackSlack;
    }

    /// <summary>Steps and calls left before this thread settles with the meter.</summary>
    internal int Countdown = SandboxMeter.SegmentInterval;

    internal SandboxMeter Meter { get; }

    /// <summary>The lowest stack address tool code may reach (stacks grow down).</summary>
    internal nint StackLimit { get; }

    /// <summary>The thread's allocation counter when the segment started running tool code.</summary>
    internal long AllocatedAtStart;

    /// <summary>The highest stack address of this segment: where it started.</summary>
    internal readonly nint High;

    /// <summary>The lowest stack address this segment answers for in <see cref="SandboxSegmentMap"/>.</summary>
    internal readonly nint Low;
}
