using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// Per-request working state for the products a request touches, keyed by catalogue index. For a catalogue of up to
/// the dense limit (<see cref="DENSE_LIMIT"/> in production) it is a plain array (fastest; at most a few megabytes per scratch); for a larger
/// one an open-addressing hash table that grows with what one request touches, not with the catalogue, so a new scratch
/// costs kilobytes even at 500,000 products. Key and value share an entry, so a probe costs one cache line. A reference
/// it returns stays valid until the next new key is added.
/// </summary>
internal sealed class SparseSlots<T> where T : struct
{
    public const int DENSE_LIMIT = 32_768;

    private readonly T[] _dense;
    private Entry[] _entries;
    private int[] _used;   // positions taken since the last clear, for clearing
    private int _count;
    private int _shift;

    public SparseSlots(int catalogueSize, int denseLimit, int initialCapacity)
    {
        if (catalogueSize <= denseLimit)
        {
            _dense = new T[catalogueSize];
            return;
        }

        var capacity = 16;
        while (capacity < initialCapacity)
            capacity <<= 1;
        Allocate(capacity);
    }

    public bool IsDense => _dense != null;

    /// <summary>The entry of the key, added (default) if the request has not touched it yet.</summary>
    public ref T this[int key]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_dense != null)
                return ref _dense[key];

            var stored = key + 1;
            var entries = _entries;
            var mask = entries.Length - 1;
            var position = (int)((uint)(stored * -1640531527) >> _shift);
            ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
            while (true)
            {
                ref var entry = ref Unsafe.Add(ref first, position);
                if (entry.Key == stored)
                    return ref entry.Value;
                if (entry.Key == 0)
                    return ref Add(position, stored);
                position = (position + 1) & mask;
            }
        }
    }

    /// <summary>
    /// Resets what the request changed: in the array, the entries of <paramref name="touched"/> (every entry a request
    /// changes is in one of those lists); in the hash table, every entry it added.
    /// </summary>
    public void Clear(List<int> touched)
    {
        if (_dense != null)
        {
            foreach (var key in touched)
                _dense[key] = default;
            return;
        }

        for (var i = 0; i < _count; i++)
            _entries[_used[i]] = default;
        _count = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref T Add(int position, int stored)
    {
        //at most half full keeps probe runs short
        if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
            return ref this[stored - 1];
        }

        ref var entry = ref _entries[position];
        entry.Key = stored;
        _used[_count++] = position;
        return ref entry.Value;
    }

    private void Grow()
    {
        var entries = _entries;
        var used = _used;
        var count = _count;
        Allocate(entries.Length * 2);
        for (var i = 0; i < count; i++)
        {
            ref var old = ref entries[used[i]];
            this[old.Key - 1] = old.Value;
        }
    }

    private void Allocate(int capacity)
    {
        _entries = new Entry[capacity];
        _used = new int[capacity / 2 + 1];
        _count = 0;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    private struct Entry
    {
        public int Key;   // key + 1; 0 marks an empty entry
        public T Value;
    }
}
