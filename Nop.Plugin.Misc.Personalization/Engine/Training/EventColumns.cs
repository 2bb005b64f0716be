using System.Runtime.CompilerServices;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>The raw interactions in columns (about 25 bytes per event), read once from the caller's sequence.</summary>
internal sealed class EventColumns
{
    private EventColumns(int count, int[] store, int[] customer, int[] product, byte[] type, long[] ticks, int[] order)
    {
        Count = count;
        Store = store;
        Customer = customer;
        Product = product;
        Type = type;
        Ticks = ticks;
        Order = order;
    }

    public int Count { get; }
    public int[] Store { get; }
    public int[] Customer { get; }
    public int[] Product { get; }
    public byte[] Type { get; }
    public long[] Ticks { get; }
    public int[] Order { get; }

    /// <summary>Keeps events with a product and not after <paramref name="nowUtc"/>.</summary>
    public static EventColumns From(IEnumerable<Interaction> interactions, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var capacity = interactions is ICollection<Interaction> collection ? collection.Count : 1024;
        capacity = Math.Max(capacity, 16);
        var store = new int[capacity];
        var customer = new int[capacity];
        var product = new int[capacity];
        var type = new byte[capacity];
        var ticks = new long[capacity];
        var order = new int[capacity];
        var count = 0;
        var now = nowUtc.Ticks;
        // an array is read directly (no enumerator calls per event); its length is the capacity, so it never grows
        if (interactions is Interaction[] array)
        {
            foreach (ref readonly var e in array.AsSpan())
            {
                if (Keeps(e, now))
                    Put(count++, e, store, customer, product, type, ticks, order);
            }
            return new EventColumns(count, store, customer, product, type, ticks, order);
        }
        foreach (var e in interactions)
        {
            if (!Keeps(e, now))
                continue;
            if (count == store.Length)
            {
                var size = store.Length * 2;
                Array.Resize(ref store, size);
                Array.Resize(ref customer, size);
                Array.Resize(ref product, size);
                Array.Resize(ref type, size);
                Array.Resize(ref ticks, size);
                Array.Resize(ref order, size);
            }
            Put(count++, e, store, customer, product, type, ticks, order);
        }
        return new EventColumns(count, store, customer, product, type, ticks, order);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Keeps(in Interaction e, long now) => e.ProductId > 0 && e.TimeUtc.Ticks <= now;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(int at, in Interaction e, int[] store, int[] customer, int[] product, byte[] type, long[] ticks, int[] order)
    {
        store[at] = e.StoreId;
        customer[at] = e.CustomerId;
        product[at] = e.ProductId;
        type[at] = (byte)e.Type;
        ticks[at] = e.TimeUtc.Ticks;
        order[at] = e.OrderId;
    }

    /// <param name="storeId">0 = any store.</param>
    public bool HasAnonymous(int storeId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Customer[i] == 0 && (storeId == 0 || Store[i] == storeId))
                return true;
        }
        return false;
    }

    public int[] DistinctStores()
    {
        var set = new HashSet<int>();
        for (var i = 0; i < Count; i++)
            set.Add(Store[i]);
        var stores = set.ToArray();
        Array.Sort(stores);
        return stores;
    }
}
