namespace Autonomy.Core.Discovery;

/// <summary>The best <c>k</c> scores of a stream, kept in a min-heap so that most candidates cost one comparison.</summary>
internal sealed class TopScores
{
    private readonly int[] _rows;
    private readonly float[] _scores;
    private int _count;

    public TopScores(int capacity)
    {
        _rows = new int[capacity];
        _scores = new float[capacity];
    }

    public void Offer(int row, float score)
    {
        if (_count < _rows.Length)
        {
            var i = _count++;
            _rows[i] = row;
            _scores[i] = score;
            SiftUp(i);
        }
        else if (_count > 0 && score > _scores[0])
        {
            _rows[0] = row;
            _scores[0] = score;
            SiftDown(0);
        }
    }

    /// <summary>The kept rows as hits, the highest score first and ties by key; each score divided by <paramref name="scale"/>.</summary>
    public IReadOnlyList<SearchHit> Drain(Func<int, string> key, float scale)
    {
        var hits = new SearchHit[_count];
        for (var i = 0; i < _count; i++)
        {
            hits[i] = new SearchHit(key(_rows[i]), Math.Clamp(_scores[i] / scale, -1f, 1f));
        }

        Array.Sort(hits, static (a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Key, b.Key));
        return hits;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_scores[parent] <= _scores[i])
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && _scores[left] < _scores[smallest])
            {
                smallest = left;
            }

            if (right < _count && _scores[right] < _scores[smallest])
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
