using System.Collections.Concurrent;
using System.Threading.Channels;
using Nop.Plugin.Misc.Personalization.Engine.BackInStock;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// Products that were not for sale and just changed, waiting for the background check of whether they are back; and the
/// "notify me" subscriptions nopCommerce ends right after telling their customers the product is back (it deletes them in
/// the same request, before the check could read them). Costs the request a dictionary write.
/// </summary>
public sealed class BackInStockWatch
{
    /// <summary>How long after a change of a product its ended subscriptions count as nopCommerce's notifications.</summary>
    public static readonly TimeSpan SubscriptionWindow = TimeSpan.FromMinutes(2);

    /// <summary>Left to the request that changed the product to finish (warehouse stock, subscriptions) before the check.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private const int MAX_WAITING = 10_000;

    private readonly Channel<int> _products = Channel.CreateBounded<int>(new BoundedChannelOptions(MAX_WAITING)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true
    });
    private readonly ConcurrentDictionary<int, DateTime> _waiting = new();
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<(int StoreId, int CustomerId), DateTime>> _endedSubscriptions = new();

    /// <summary>A product that was not for sale changed: check it soon.</summary>
    public void Check(int productId, DateTime nowUtc)
    {
        if (productId > 0 && _waiting.TryAdd(productId, nowUtc) && !_products.Writer.TryWrite(productId))
            _waiting.TryRemove(productId, out _);
    }

    public void SubscriptionEnded(int storeId, int productId, int customerId, DateTime subscribedOnUtc, DateTime nowUtc)
    {
        if (customerId <= 0 || !_waiting.TryGetValue(productId, out var changedOnUtc) || nowUtc - changedOnUtc > SubscriptionWindow)
            return;

        _endedSubscriptions.GetOrAdd(productId, _ => new())[(storeId, customerId)] = subscribedOnUtc;
    }

    public bool TryTake(out int productId, out DateTime changedOnUtc)
    {
        changedOnUtc = default;
        return _products.Reader.TryRead(out productId) && _waiting.TryGetValue(productId, out changedOnUtc);
    }

    public async Task<bool> WaitAsync(CancellationToken cancellationToken) => await _products.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The check of a product is done: its ended subscriptions, per store, and it may be watched again.</summary>
    public IReadOnlyDictionary<int, List<BackInStockSubscriber>> Done(int productId)
    {
        _waiting.TryRemove(productId, out _);
        if (!_endedSubscriptions.TryRemove(productId, out var ended))
            return new Dictionary<int, List<BackInStockSubscriber>>();

        return ended.GroupBy(pair => pair.Key.StoreId)
            .ToDictionary(group => group.Key, group => group.Select(pair => new BackInStockSubscriber(pair.Key.CustomerId, pair.Value)).ToList());
    }
}
