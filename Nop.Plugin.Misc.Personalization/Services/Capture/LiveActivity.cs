using System.Collections.Concurrent;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// Bounded: keeps the last <see cref="PerCustomer"/> interactions of at most <see cref="MaxCustomers"/> shoppers and
/// forgets the least recently active ones first.
/// </summary>
public sealed class LiveActivity : ILiveActivity
{
    private sealed class Entry
    {
        public readonly Queue<Interaction> Recent = new();
        public readonly Dictionary<int, int> Cart = [];
        public long LastTouch;
    }

    private readonly ConcurrentDictionary<(int StoreId, int CustomerId), Entry> _entries = new();
    //the stores seen so far (a handful): a customer's entries are found by probing them, never by listing every key
    private readonly ConcurrentDictionary<int, byte> _stores = new();
    private readonly TimeProvider _timeProvider;
    private int _trimming;
    private int _count;

    //worst case about 30 x 100,000 interactions of ~56 bytes: under 200 MB, for 100,000 shoppers active at once
    public LiveActivity(TimeProvider timeProvider) : this(timeProvider, 30, 100_000)
    {
    }

    internal LiveActivity(TimeProvider timeProvider, int perCustomer, int maxCustomers)
    {
        _timeProvider = timeProvider;
        PerCustomer = perCustomer;
        MaxCustomers = maxCustomers;
    }

    public int PerCustomer { get; }

    public int MaxCustomers { get; }

    public int Count => Volatile.Read(ref _count);

    public void Record(Interaction interaction)
    {
        if (interaction.CustomerId <= 0)
            return;

        var entry = EntryOf(interaction.StoreId, interaction.CustomerId);
        lock (entry)
        {
            entry.LastTouch = _timeProvider.GetTimestamp();
            if (interaction.ProductId > 0)
            {
                entry.Recent.Enqueue(interaction);
                while (entry.Recent.Count > PerCustomer)
                    entry.Recent.Dequeue();
            }

            //cart interactions carry the change in quantity
            if (interaction.Type == InteractionType.AddToCart)
                entry.Cart[interaction.ProductId] = entry.Cart.GetValueOrDefault(interaction.ProductId) + Math.Max(1, interaction.Quantity);
            else if (interaction.Type == InteractionType.RemoveFromCart)
            {
                var left = entry.Cart.GetValueOrDefault(interaction.ProductId) - Math.Max(1, interaction.Quantity);
                if (left > 0)
                    entry.Cart[interaction.ProductId] = left;
                else
                    entry.Cart.Remove(interaction.ProductId);
            }
            else if (interaction.Type == InteractionType.Purchase)
                entry.Cart.Remove(interaction.ProductId);
        }

        if (Volatile.Read(ref _count) > MaxCustomers)
            TrimOldest();
    }

    private Entry EntryOf(int storeId, int customerId)
    {
        if (_entries.TryGetValue((storeId, customerId), out var existing))
            return existing;

        _stores.TryAdd(storeId, 0);
        var created = new Entry();
        if (_entries.TryAdd((storeId, customerId), created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }

        return _entries[(storeId, customerId)];
    }

    private bool Remove((int StoreId, int CustomerId) key, out Entry removed)
    {
        if (!_entries.TryRemove(key, out removed))
            return false;

        Interlocked.Decrement(ref _count);
        return true;
    }

    public IReadOnlyList<Interaction> Recent(int storeId, int customerId)
    {
        if (!_entries.TryGetValue((storeId, customerId), out var entry))
            return [];

        lock (entry)
            return entry.Recent.ToArray();
    }

    public IReadOnlyCollection<int> Cart(int storeId, int customerId)
    {
        if (!_entries.TryGetValue((storeId, customerId), out var entry))
            return [];

        lock (entry)
            return entry.Cart.Keys.ToArray();
    }

    public int? CartQuantity(int storeId, int customerId, int productId)
    {
        if (!_entries.TryGetValue((storeId, customerId), out var entry))
            return null;

        lock (entry)
            return entry.Cart.TryGetValue(productId, out var quantity) ? quantity : null;
    }

    public void ClearCart(int storeId, int customerId)
    {
        if (!_entries.TryGetValue((storeId, customerId), out var entry))
            return;

        lock (entry)
            entry.Cart.Clear();
    }

    public void Move(int fromCustomerId, int toCustomerId)
    {
        if (fromCustomerId == toCustomerId)
            return;

        foreach (var key in KeysOf(fromCustomerId))
        {
            if (!Remove(key, out var guest))
                continue;

            Interaction[] moved;
            KeyValuePair<int, int>[] cart;
            lock (guest)
            {
                moved = guest.Recent.ToArray();
                cart = guest.Cart.ToArray();
            }

            foreach (var interaction in moved)
                Record(interaction with { CustomerId = toCustomerId });

            var target = EntryOf(key.StoreId, toCustomerId);
            lock (target)
            {
                foreach (var (productId, quantity) in cart)
                    target.Cart[productId] = Math.Max(target.Cart.GetValueOrDefault(productId), quantity);
            }
        }
    }

    public void Forget(int customerId)
    {
        foreach (var key in KeysOf(customerId))
            Remove(key, out _);
    }

    /// <summary>
    /// The customer's entries, one probe per store seen: a login or an erasure costs the same with 100,000 shoppers in
    /// memory as with ten (listing the keys would lock and copy the whole table).
    /// </summary>
    private List<(int StoreId, int CustomerId)> KeysOf(int customerId)
    {
        var keys = new List<(int, int)>(1);
        foreach (var storeId in _stores.Keys)
        {
            if (_entries.ContainsKey((storeId, customerId)))
                keys.Add((storeId, customerId));
        }

        return keys;
    }

    /// <summary>
    /// Drops the least recently active tenth off the request thread; one trimmer at a time, others carry on. Shoppers
    /// recorded while it works are trimmed too: it repeats until the limit holds, and checks once more after letting go.
    /// </summary>
    private void TrimOldest()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
            return;

        _ = Task.Run(() =>
        {
            try
            {
                int excess;
                var removed = true;
                while (removed && (excess = Volatile.Read(ref _count) - MaxCustomers) > 0)
                {
                    removed = false;
                    foreach (var key in _entries.OrderBy(pair => Volatile.Read(ref pair.Value.LastTouch)).Take(excess + MaxCustomers / 10).Select(pair => pair.Key).ToList())
                        removed |= Remove(key, out _);
                }
            }
            finally
            {
                Volatile.Write(ref _trimming, 0);
            }

            if (Volatile.Read(ref _count) > MaxCustomers)
                TrimOldest();
        });
    }
}
