namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Keeps the K best (score descending, then index ascending) of a stream of candidates in a min-heap; reusable, so
/// a hot loop allocates nothing. Sifts move a hole instead of swapping entries.
/// </summary>
internal sealed class TopK
{
    private double[] _scores;
    private int[] _items;
    private int _capacity;

    public TopK(int capacity)
    {
        _scores = new double[Math.Max(capacity, 1)];
        _items = new int[Math.Max(capacity, 1)];
        _capacity = capacity;
    }

    public int Count { get; private set; }

    public void Reset(int capacity)
    {
        if (capacity > _scores.Length)
        {
            _scores = new double[capacity];
            _items = new int[capacity];
        }
        _capacity = capacity;
        Count = 0;
    }

    /// <summary>The score a candidate must beat once the heap is full; -infinity before.</summary>
    public double Threshold => Count < _capacity ? double.NegativeInfinity : _scores[0];

    public void Offer(int item, double score)
    {
        if (_capacity == 0)
            return;
        if (Count < _capacity)
        {
            SiftUp(Count++, score, item);
            return;
        }
        if (!Worse(_scores[0], _items[0], score, item))
            return;
        SiftDown(score, item);
    }

    /// <summary>Writes the kept candidates best first and empties the heap; returns how many.</summary>
    public int Drain(Span<int> items, Span<double> scores)
    {
        var n = Count;
        for (var slot = n - 1; slot >= 0; slot--)
        {
            items[slot] = _items[0];
            scores[slot] = _scores[0];
            Count--;
            if (Count > 0)
                SiftDown(_scores[Count], _items[Count]);
        }
        return n;
    }

    private static bool Worse(double scoreA, int itemA, double scoreB, int itemB)
    {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private void SiftUp(int i, double score, int item)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Worse(score, item, _scores[parent], _items[parent]))
                break;
            _scores[i] = _scores[parent];
            _items[i] = _items[parent];
            i = parent;
        }
        _scores[i] = score;
        _items[i] = item;
    }

    /// <summary>Puts (score, item) at the root of the heap's <see cref="Count"/> entries and restores the heap order.</summary>
    private void SiftDown(double score, int item)
    {
        var i = 0;
        var n = Count;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= n)
                break;
            var worst = left;
            var right = left + 1;
            if (right < n && Worse(_scores[right], _items[right], _scores[left], _items[left]))
                worst = right;
            if (!Worse(_scores[worst], _items[worst], score, item))
                break;
            _scores[i] = _scores[worst];
            _items[i] = _items[worst];
            i = worst;
        }
        _scores[i] = score;
        _items[i] = item;
    }
}
