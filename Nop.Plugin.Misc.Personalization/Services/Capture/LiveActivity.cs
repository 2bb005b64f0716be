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
        public readonly HashSet<int> Cart = [];
        public long LastTouch;
    }

    private readonly ConcurrentDictionary<(int StoreId, int CustomerId), Entry> _entries = new();
    private readonly TimeProvider _timeProvider;
    private int _trimming;

    public LiveActivity(TimeProvider timeProvider) : this(timeProvider, 50, 200_000)
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

    public int Count => _entries.Count;

    public void Record(Interaction interaction)
    {
        if (interaction.CustomerId <= 0)
            return;

        var entry = _entries.GetOrAdd((interaction.StoreId, interaction.CustomerId), _ => new Entry());
        lock (entry)
        {
            entry.LastTouch = _timeProvider.GetTimestamp();
            if (interaction.ProductId > 0)
            {
                entry.Recent.Enqueue(interaction);
                while (entry.Recent.Count > PerCustomer)
                    entry.Recent.Dequeue();
            }

            if (interaction.Type == InteractionType.AddToCart)
                entry.Cart.Add(interaction.ProductId);
            else if (interaction.Type is InteractionType.RemoveFromCart or InteractionType.Purchase)
                entry.Cart.Remove(interaction.ProductId);
        }

        if (_entries.Count > MaxCustomers)
            TrimOldest();
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
            return entry.Cart.ToArray();
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

        foreach (var key in _entries.Keys.Where(key => key.CustomerId == fromCustomerId).ToList())
        {
            if (!_entries.TryRemove(key, out var guest))
                continue;

            Interaction[] moved;
            int[] cart;
            lock (guest)
            {
                moved = guest.Recent.ToArray();
                cart = guest.Cart.ToArray();
            }

            foreach (var interaction in moved)
                Record(interaction with { CustomerId = toCustomerId });

            var target = _entries.GetOrAdd((key.StoreId, toCustomerId), _ => new Entry());
            lock (target)
                target.Cart.UnionWith(cart);
        }
    }

    /// <summary>
    /// Drops the least recently active tenth; one trimmer at a time, others carry on.
    /// </summary>
    private void TrimOldest()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
            return;

        try
        {
            var excess = _entries.Count - MaxCustomers + MaxCustomers / 10;
            if (excess <= 0)
                return;

            foreach (var key in _entries.OrderBy(pair => Volatile.Read(ref pair.Value.LastTouch)).Take(excess).Select(pair => pair.Key).ToList())
                _entries.TryRemove(key, out _);
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }
}
