using System.Numerics;

namespace Autonomy.Core.Discovery;

/// <summary>
/// MinHash signatures (Broder 1997): for each of <c>n</c> hash functions, the least hash over a set. Two signatures
/// agree at a position with probability equal to the Jaccard similarity of their sets, so the fraction of agreeing
/// positions estimates it. The functions are multiply-shift hashes <c>(a·x + b) &gt;&gt; 32</c> with fixed odd
/// <c>a</c>, over shingle hashes that are already well mixed.
/// </summary>
internal sealed class MinHasher
{
    private readonly ulong[] _multipliers;
    private readonly ulong[] _offsets;

    public MinHasher(int functions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(functions);
        _multipliers = new ulong[functions];
        _offsets = new ulong[functions];
        var state = seed;
        for (var i = 0; i < functions; i++)
        {
            _multipliers[i] = StableHash.Next(ref state) | 1;
            _offsets[i] = StableHash.Next(ref state);
        }
    }

    public int Functions => _multipliers.Length;

    /// <summary>The signature of a set; all <see cref="uint.MaxValue"/> for an empty set.</summary>
    public uint[] Signature(IEnumerable<ulong> set)
    {
        var signature = new uint[_multipliers.Length];
        Array.Fill(signature, uint.MaxValue);
        var multipliers = _multipliers;
        var offsets = _offsets;
        foreach (var x in set)
        {
            for (var i = 0; i < signature.Length; i++)
            {
                var h = (uint)(((multipliers[i] * x) + offsets[i]) >> 32);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The fraction of positions at which two signatures agree: the estimated Jaccard similarity of their sets.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException("Signatures must be non-empty and of the same length.");
        }

        // Equal lanes compare to all ones (uint.MaxValue, that is −1 as int), so subtracting the mask counts them.
        var counts = Vector<int>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<uint>.Count; i += Vector<uint>.Count)
        {
            counts -= Vector.AsVectorInt32(Vector.Equals(new Vector<uint>(a[i..]), new Vector<uint>(b[i..])));
        }

        var equal = Vector.Sum(counts);
        for (; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }
}
