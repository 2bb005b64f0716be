using System.Runtime.CompilerServices;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// One bounded min-heap per row keeping the K best candidates (score descending, then index ascending), so a pass that
/// finds each unordered pair once can offer it to both rows. The kept set is a total-order top-K: it does not depend on
/// the order candidates arrive in. Heaps grow on demand, so memory follows the neighbours actually kept; a row's
/// entries sit together (score, item and support in one struct), so a sift touches few cache lines.
/// </summary>
internal sealed class RowHeaps
{
    private const int INITIAL = 4;
    private readonly int _k;
    private readonly Entry[][] _heaps;
    private readonly int[] _count;

    // per row, the score a candidate must reach once the heap is full (-infinity before): most offers are rejected
    // here without touching the heap itself
    private readonly double[] _threshold;

    // arrays rows have outgrown, by capacity: the next row growing to that size takes one, so a pass allocates little
    // more than the heaps it finally keeps (contents past a row's count are never read)
    private readonly List<Entry[]>[] _outgrown;

    public RowHeaps(int rows, int k)
    {
        _k = k;
        _heaps = new Entry[rows][];
        _count = new int[rows];
        _threshold = new double[rows];
        Array.Fill(_threshold, double.NegativeInfinity);
        _outgrown = new List<Entry[]>[CapacityClass(k) + 1];
    }

    public int CountOf(int row)
    {
        return _count[row];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int row, int item, double score, float support)
    {
        if (score >= _threshold[row])
            Insert(row, item, score, support, true);
    }

    /// <summary>Offers every candidate kept by <paramref name="other"/> (same shape) to this instance.</summary>
    public void Merge(RowHeaps other)
    {
        for (var row = 0; row < _count.Length; row++)
            MergeRow(other, row);
    }

    /// <summary>
    /// Offers the candidates <paramref name="other"/> keeps for one row; rows are independent of each other, so several
    /// threads may merge different rows at once (the outgrown arrays, shared by all rows, are not used here).
    /// </summary>
    public void MergeRow(RowHeaps other, int row)
    {
        var heap = other._heaps[row];
        for (var r = 0; r < other._count[row]; r++)
        {
            if (heap[r].Score >= _threshold[row])
                Insert(row, heap[r].Item, heap[r].Score, heap[r].Support, false);
        }
    }

    /// <summary>Writes the row's candidates best first and empties it; returns how many.</summary>
    public int Drain(int row, Span<int> items, Span<double> scores, Span<float> support)
    {
        var n = _count[row];
        var heap = _heaps[row];
        for (var slot = n - 1; slot >= 0; slot--)
        {
            items[slot] = heap[0].Item;
            scores[slot] = heap[0].Score;
            support[slot] = heap[0].Support;
            if (slot > 0)
                SiftDown(heap, slot, heap[slot]);
        }
        _count[row] = 0;
        _threshold[row] = double.NegativeInfinity;
        _heaps[row] = null;
        return n;
    }

    private void Insert(int row, int item, double score, float support, bool reuse)
    {
        if (_k == 0)
            return;
        var n = _count[row];
        var heap = _heaps[row];
        if (n < _k)
        {
            if (heap == null || n == heap.Length)
                heap = Grow(row, heap, n, reuse);
            var i = n;
            _count[row] = n + 1;
            // sift up
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Worse(score, item, heap[parent].Score, heap[parent].Item))
                    break;
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = new Entry(score, item, support);
            if (n + 1 == _k)
                _threshold[row] = heap[0].Score;
            return;
        }
        if (!Worse(heap[0].Score, heap[0].Item, score, item))
            return;
        SiftDown(heap, n, new Entry(score, item, support));
        _threshold[row] = heap[0].Score;
    }

    private Entry[] Grow(int row, Entry[] heap, int n, bool reuse)
    {
        var capacity = Math.Min(_k, heap == null ? INITIAL : heap.Length * 2);
        var spare = reuse ? _outgrown[CapacityClass(capacity)] : null;
        Entry[] grown;
        if (spare is { Count: > 0 } && spare[^1].Length == capacity)
        {
            grown = spare[^1];
            spare.RemoveAt(spare.Count - 1);
        }
        else
            grown = new Entry[capacity];
        if (heap != null)
        {
            heap.AsSpan(0, n).CopyTo(grown);
            if (reuse)
                (_outgrown[CapacityClass(heap.Length)] ??= new List<Entry[]>()).Add(heap);
        }
        _heaps[row] = grown;
        return grown;
    }

    /// <summary>0 for the initial capacity, then one class per doubling (the last class may be K itself).</summary>
    private static int CapacityClass(int capacity)
    {
        var c = 0;
        for (var size = INITIAL; size < capacity; size *= 2)
            c++;
        return c;
    }

    /// <summary>Puts the entry at the root of a heap of <paramref name="n"/> entries and restores the heap order.</summary>
    private static void SiftDown(Entry[] heap, int n, Entry entry)
    {
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= n)
                break;
            var worst = left;
            var right = left + 1;
            if (right < n && Worse(heap[right].Score, heap[right].Item, heap[left].Score, heap[left].Item))
                worst = right;
            if (!Worse(heap[worst].Score, heap[worst].Item, entry.Score, entry.Item))
                break;
            heap[i] = heap[worst];
            i = worst;
        }
        heap[i] = entry;
    }

    private static bool Worse(double scoreA, int itemA, double scoreB, int itemB)
    {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private readonly record struct Entry(double Score, int Item, float Support);
}
