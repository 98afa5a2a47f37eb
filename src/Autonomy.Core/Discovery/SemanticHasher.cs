using System.Numerics.Tensors;

namespace Autonomy.Core.Discovery;

/// <summary>
/// Random-hyperplane hashing (Charikar 2002) of embeddings, for locality-sensitive banding: two vectors at angle
/// θ fall on the same side of a random hyperplane with probability 1 − θ/π. With bits grouped into bands, vectors of
/// high cosine share a whole band far more often than dissimilar ones, so only bucket-mates are compared exactly.
/// </summary>
internal sealed class SemanticHasher
{
    private readonly float[] _planes;
    private readonly int _dimensions;
    private readonly int _bands;
    private readonly int _bits;

    public SemanticHasher(int dimensions, int bands, int bitsPerBand, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitsPerBand, 48);
        _dimensions = dimensions;
        _bands = bands;
        _bits = bitsPerBand;
        _planes = new float[dimensions * bands * bitsPerBand];
        var state = seed;
        for (var i = 0; i < _planes.Length; i++)
        {
            _planes[i] = Gaussian(ref state);
        }
    }

    public int Dimensions => _dimensions;

    /// <summary>The band keys of a vector: for each band, its bits, tagged with the band's number.</summary>
    public ulong[] BandKeys(ReadOnlySpan<float> vector)
    {
        var keys = new ulong[_bands];
        var plane = 0;
        for (var band = 0; band < _bands; band++)
        {
            ulong bits = 0;
            for (var bit = 0; bit < _bits; bit++, plane++)
            {
                if (TensorPrimitives.Dot(_planes.AsSpan(plane * _dimensions, _dimensions), vector) >= 0)
                {
                    bits |= 1UL << bit;
                }
            }

            keys[band] = ((ulong)band << 48) | bits;
        }

        return keys;
    }

    // Box–Muller from two uniform draws; the planes need a rotation-invariant distribution, which the normal is.
    private static float Gaussian(ref ulong state)
    {
        var u1 = ((StableHash.Next(ref state) >> 11) + 1.0) / (1UL << 53);
        var u2 = (StableHash.Next(ref state) >> 11) / (double)(1UL << 53);
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
