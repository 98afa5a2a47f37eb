namespace Autonomy.Core.Discovery;

/// <summary>
/// Hashing that gives the same values in every process and on every runtime, unlike <see cref="HashCode"/>, so that
/// signatures can be stored and compared later.
/// </summary>
internal static class StableHash
{
    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijection that mixes every input bit into every output bit.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A deterministic stream of pseudo-random 64-bit values from a seed (SplitMix64).</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
