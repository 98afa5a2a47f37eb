using System.Numerics.Tensors;

namespace Autonomy.Core.Discovery;

/// <summary>
/// An in-memory vector index for tool discovery: vectors by key, searched exhaustively by cosine similarity. Vectors
/// live normalised in one contiguous slab, so a query is one streaming pass of SIMD dot products with no per-vector
/// indirection; at 100,000 tools of 384 dimensions that pass reads 150 MB and is bound by memory bandwidth.
/// Searches may run concurrently with each other; additions and removals take the index exclusively.
/// </summary>
public sealed class EmbeddingIndex : IDisposable
{
    /// <summary>The number of vectors room is made for at first.</summary>
    public const int DefaultCapacity = 1_024;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private float[] _slab;
    private string[] _keys;
    private int _count;

    /// <summary>Creates an empty index of vectors of the given length.</summary>
    /// <param name="dimensions">The length of every vector, for example <see cref="ITextEmbedder.Dimensions"/>.</param>
    /// <param name="capacity">The number of vectors to make room for at first; the index grows past it.</param>
    public EmbeddingIndex(int dimensions, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Dimensions = dimensions;
        _slab = new float[checked(capacity * dimensions)];
        _keys = new string[capacity];
    }

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>The number of vectors held.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Whether a vector is held under the key.</summary>
    public bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _lock.EnterReadLock();
        try
        {
            return _rows.ContainsKey(key);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Adds a vector under a key, or replaces the one held under it. The index keeps a normalised copy.</summary>
    /// <exception cref="ArgumentException">The vector has the wrong length, is all zeros, or holds NaN or infinity.</exception>
    public void AddOrReplace(string key, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(key);
        var norm = Norm(vector, nameof(vector));
        _lock.EnterWriteLock();
        try
        {
            if (!_rows.TryGetValue(key, out var row))
            {
                row = _count;
                EnsureCapacity(row + 1);
                _rows.Add(key, row);
                _keys[row] = key;
                _count++;
            }

            TensorPrimitives.Divide(vector, norm, _slab.AsSpan(row * Dimensions, Dimensions));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the vector held under a key.</summary>
    /// <returns>Whether there was one.</returns>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _lock.EnterWriteLock();
        try
        {
            if (!_rows.Remove(key, out var row))
            {
                return false;
            }

            // Move the last row into the hole so that the slab stays dense.
            var last = _count - 1;
            if (row != last)
            {
                _slab.AsSpan(last * Dimensions, Dimensions).CopyTo(_slab.AsSpan(row * Dimensions, Dimensions));
                _keys[row] = _keys[last];
                _rows[_keys[row]] = row;
            }

            _keys[last] = null!;
            _count = last;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Finds the vectors most similar to a query.</summary>
    /// <param name="query">The query vector; it need not be normalised.</param>
    /// <param name="count">The most hits to return.</param>
    /// <param name="minimumScore">Hits with a lower cosine similarity are left out.</param>
    /// <returns>Up to <paramref name="count"/> hits, the most similar first; ties in key order.</returns>
    public IReadOnlyList<SearchHit> Search(ReadOnlySpan<float> query, int count, float minimumScore = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var norm = Norm(query, nameof(query));
        _lock.EnterReadLock();
        try
        {
            var top = new TopScores(Math.Min(count, _count));
            var threshold = minimumScore * norm;
            var slab = _slab.AsSpan(0, _count * Dimensions);
            for (int row = 0, offset = 0; row < _count; row++, offset += Dimensions)
            {
                var score = TensorPrimitives.Dot(slab.Slice(offset, Dimensions), query);
                if (score >= threshold)
                {
                    top.Offer(row, score);
                }
            }

            return top.Drain(row => _keys[row], norm);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private float Norm(ReadOnlySpan<float> vector, string parameter)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; the index holds {Dimensions}.", parameter);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new ArgumentException("The vector must be finite and not all zeros.", parameter);
        }

        return norm;
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _keys.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _keys.Length * 2);
        Array.Resize(ref _slab, checked(capacity * Dimensions));
        Array.Resize(ref _keys, capacity);
    }
}
