using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Autonomy.Tools.Sandbox;

/// <summary>
/// Finds the running thread's <see cref="SandboxSegment"/> from an address on its stack, without a thread-static
/// read. On Linux a thread-static read is a call into the TLS resolver, and the sandbox's hot path runs at every
/// call of tool code; a lookup here is a shift, a load and two compares.
/// </summary>
/// <remarks>
/// Each segment claims the slots that cover its stack range (from where it started down to its call-depth limit and
/// some slack). Only the thread that owns a stack can have addresses in it, so a segment whose range contains the
/// address is that thread's. A slot can be claimed by two segments whose ranges share it (neighbouring stacks, or
/// addresses 4 GiB apart); the range check then fails for one of them, and that one falls back to the thread-static.
/// Nothing is ever wrong, only slower.
/// </remarks>
internal static class SandboxSegmentMap
{
    /// <summary>Each slot covers 64 KiB of address space.</summary>
    private const int SlotShift = 16;

    private const int SlotCount = 1 << 16;

    private const int SlotMask = SlotCount - 1;

    private static readonly SandboxSegment?[] s_slots = new SandboxSegment?[SlotCount];

    /// <summary>The segment whose stack range holds <paramref name="address"/>, or null when no claim matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SandboxSegment? Find(nint address)
    {
        var segment = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s_slots), (int)((nuint)address >> SlotShift) & SlotMask);
        return segment is not null && address >= segment.Low && address <= segment.High ? segment : null;
    }

    /// <summary>Claims the slots over a segment's stack range.</summary>
    public static void Claim(SandboxSegment segment)
    {
        for (var slot = First(segment); slot <= Last(segment); slot++)
        {
            Volatile.Write(ref s_slots[slot & SlotMask], segment);
        }
    }

    /// <summary>Gives a segment's slots back to the segment it interrupted on the same thread, if any.</summary>
    public static void Release(SandboxSegment segment, SandboxSegment? previous)
    {
        for (var slot = First(segment); slot <= Last(segment); slot++)
        {
            Interlocked.CompareExchange(ref s_slots[slot & SlotMask], previous, segment);
        }
    }

    private static long First(SandboxSegment segment) => (long)((nuint)segment.Low >> SlotShift);

    private static long Last(SandboxSegment segment) => (long)((nuint)segment.High >> SlotShift);
}
