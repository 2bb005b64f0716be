using System.Collections.Concurrent;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.ProductBoxes;

/// <summary>
/// Product boxes (nopCommerce's <see cref="ProductOverviewModel"/>) this node prepared for a customer, reused for the
/// same customer for a few minutes instead of preparing prices, tax, pictures and localized names again on every
/// page. A box is never shared between customers. It goes stale when its product, its customer or the shop (settings,
/// discounts, currencies) changes, and at the latest when its lifetime ends; the number of boxes is bounded.
/// </summary>
public sealed class ProductBoxCache
{
    public const int MAX_ENTRIES = 10_000;

    //changed products and customers are remembered by version until this many; then everything starts over
    public const int MAX_TRACKED_CHANGES = 50_000;

    private readonly ConcurrentDictionary<ProductBoxKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, long> _productVersions = new();
    private readonly ConcurrentDictionary<int, long> _customerVersions = new();
    private readonly TimeProvider _timeProvider;
    private long _generation;
    private long _clock;
    private int _count;
    private int _sweeping;

    public ProductBoxCache(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The versions a box prepared from now on is valid for; take it before preparing.</summary>
    public ProductBoxStamp Stamp(in ProductBoxKey key) => new(Volatile.Read(ref _generation),
        _productVersions.GetValueOrDefault(key.ProductId), _customerVersions.GetValueOrDefault(key.CustomerId));

    public bool TryGet(in ProductBoxKey key, out ProductOverviewModel box)
    {
        box = null;
        if (!_entries.TryGetValue(key, out var entry))
            return false;

        if (entry.ExpiresUtcTicks <= UtcTicks() || entry.Stamp != Stamp(key))
        {
            if (_entries.TryRemove(new KeyValuePair<ProductBoxKey, Entry>(key, entry)))
                Interlocked.Decrement(ref _count);
            return false;
        }

        box = entry.Box;
        return true;
    }

    /// <param name="stamp">What <see cref="Stamp"/> returned before the box was prepared.</param>
    public void Add(in ProductBoxKey key, ProductOverviewModel box, ProductBoxStamp stamp, TimeSpan lifetime)
    {
        if (box == null || lifetime <= TimeSpan.Zero || stamp != Stamp(key))
            return;

        var entry = new Entry(box, stamp, UtcTicks() + lifetime.Ticks);
        if (_entries.TryAdd(key, entry))
        {
            if (Interlocked.Increment(ref _count) > MAX_ENTRIES)
                Sweep();
        }
        else
            _entries[key] = entry;
    }

    public void ProductChanged(int productId) => Changed(_productVersions, productId);

    public void CustomerChanged(int customerId) => Changed(_customerVersions, customerId);

    /// <summary>Something every box may show changed (a setting, a discount, a currency): all boxes are stale.</summary>
    public void ShopChanged()
    {
        Interlocked.Increment(ref _generation);
        DropAll();
    }

    private void Changed(ConcurrentDictionary<int, long> versions, int id)
    {
        if (id <= 0)
            return;

        if (versions.Count >= MAX_TRACKED_CHANGES)
        {
            //the new generation makes every box stale, so the versions it was checked against are no longer needed
            Interlocked.Increment(ref _generation);
            _productVersions.Clear();
            _customerVersions.Clear();
            DropAll();
            return;
        }

        versions[id] = Interlocked.Increment(ref _clock);
    }

    /// <summary>Over the bound: stale and expired boxes go first; if that is not enough, all of them.</summary>
    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
            return;

        try
        {
            var now = UtcTicks();
            foreach (var (key, entry) in _entries)
            {
                if ((entry.ExpiresUtcTicks <= now || entry.Stamp != Stamp(key)) && _entries.TryRemove(new KeyValuePair<ProductBoxKey, Entry>(key, entry)))
                    Interlocked.Decrement(ref _count);
            }

            if (Volatile.Read(ref _count) > MAX_ENTRIES * 9 / 10)
                DropAll();
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private void DropAll()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    private long UtcTicks() => _timeProvider.GetUtcNow().UtcTicks;

    private sealed record Entry(ProductOverviewModel Box, ProductBoxStamp Stamp, long ExpiresUtcTicks);
}
