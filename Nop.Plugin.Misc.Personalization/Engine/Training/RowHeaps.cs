namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// One bounded min-heap per row keeping the K best candidates (score descending, then index ascending), so a pass that
/// finds each unordered pair once can offer it to both rows. The kept set is a total-order top-K: it does not depend on
/// the order candidates arrive in. Heaps grow on demand, so memory follows the neighbours actually kept.
/// </summary>
internal sealed class RowHeaps
{
    private const int INITIAL = 4;
    private readonly int _k;
    private readonly double[][] _scores;
    private readonly int[][] _items;
    private readonly float[][] _support;
    private readonly int[] _count;

    // per row, the score a candidate must reach once the heap is full (-infinity before): most offers are rejected
    // here without touching the heap's own arrays
    private readonly double[] _threshold;

    public RowHeaps(int rows, int k)
    {
        _k = k;
        _scores = new double[rows][];
        _items = new int[rows][];
        _support = new float[rows][];
        _count = new int[rows];
        _threshold = new double[rows];
        Array.Fill(_threshold, double.NegativeInfinity);
    }

    public int CountOf(int row)
    {
        return _count[row];
    }

    public void Offer(int row, int item, double score, float support)
    {
        if (score < _threshold[row] || _k == 0)
            return;
        var n = _count[row];
        var scores = _scores[row];
        if (n < _k)
        {
            if (scores == null || n == scores.Length)
            {
                var size = Math.Min(_k, scores == null ? INITIAL : scores.Length * 2);
                Array.Resize(ref _scores[row], size);
                Array.Resize(ref _items[row], size);
                Array.Resize(ref _support[row], size);
                scores = _scores[row];
            }
            var items = _items[row];
            var supports = _support[row];
            var i = n;
            _count[row] = n + 1;
            // sift up
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Worse(score, item, scores[parent], items[parent]))
                    break;
                scores[i] = scores[parent];
                items[i] = items[parent];
                supports[i] = supports[parent];
                i = parent;
            }
            scores[i] = score;
            items[i] = item;
            supports[i] = support;
            if (n + 1 == _k)
                _threshold[row] = scores[0];
            return;
        }
        if (!Worse(scores[0], _items[row][0], score, item))
            return;
        SiftDown(row, n, score, item, support);
    }

    /// <summary>Offers every candidate kept by <paramref name="other"/> (same shape) to this instance.</summary>
    public void Merge(RowHeaps other)
    {
        for (var row = 0; row < _count.Length; row++)
        {
            for (var r = 0; r < other._count[row]; r++)
                Offer(row, other._items[row][r], other._scores[row][r], other._support[row][r]);
        }
    }

    /// <summary>Writes the row's candidates best first and empties it; returns how many.</summary>
    public int Drain(int row, Span<int> items, Span<double> scores, Span<float> support)
    {
        var n = _count[row];
        var heapScores = _scores[row];
        var heapItems = _items[row];
        var heapSupport = _support[row];
        for (var slot = n - 1; slot >= 0; slot--)
        {
            items[slot] = heapItems[0];
            scores[slot] = heapScores[0];
            support[slot] = heapSupport[0];
            if (slot > 0)
                SiftDown(row, slot, heapScores[slot], heapItems[slot], heapSupport[slot]);
        }
        _count[row] = 0;
        _threshold[row] = double.NegativeInfinity;
        _scores[row] = null;
        _items[row] = null;
        _support[row] = null;
        return n;
    }

    /// <summary>Puts (score, item) at the root of a heap of <paramref name="n"/> entries and restores the heap order.</summary>
    private void SiftDown(int row, int n, double score, int item, float support)
    {
        var scores = _scores[row];
        var items = _items[row];
        var supports = _support[row];
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= n)
                break;
            var worst = left;
            var right = left + 1;
            if (right < n && Worse(scores[right], items[right], scores[left], items[left]))
                worst = right;
            if (!Worse(scores[worst], items[worst], score, item))
                break;
            scores[i] = scores[worst];
            items[i] = items[worst];
            supports[i] = supports[worst];
            i = worst;
        }
        scores[i] = score;
        items[i] = item;
        supports[i] = support;
        _count[row] = n;
        if (n == _k)
            _threshold[row] = scores[0];
    }

    private static bool Worse(double scoreA, int itemA, double scoreB, int itemB)
    {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }
}
