namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Keeps the K best (score descending, then index ascending) of a stream of candidates in a min-heap; reusable, so
/// a hot loop allocates nothing.
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
            var i = Count++;
            _scores[i] = score;
            _items[i] = item;
            SiftUp(i);
            return;
        }
        if (!Worse(_scores[0], _items[0], score, item))
            return;
        _scores[0] = score;
        _items[0] = item;
        SiftDown(0);
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
            {
                _scores[0] = _scores[Count];
                _items[0] = _items[Count];
                SiftDown(0);
            }
        }
        return n;
    }

    private static bool Worse(double scoreA, int itemA, double scoreB, int itemB)
    {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Worse(_scores[i], _items[i], _scores[parent], _items[parent]))
                break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= Count)
                return;
            var worst = left;
            var right = left + 1;
            if (right < Count && Worse(_scores[right], _items[right], _scores[left], _items[left]))
                worst = right;
            if (!Worse(_scores[worst], _items[worst], _scores[i], _items[i]))
                return;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_items[a], _items[b]) = (_items[b], _items[a]);
    }
}
