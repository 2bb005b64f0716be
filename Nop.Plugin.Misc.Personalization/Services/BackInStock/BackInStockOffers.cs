using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

public sealed class BackInStockOffers : IBackInStockOffers
{
    private volatile ConcurrentDictionary<(int StoreId, int CustomerId), ImmutableArray<LiveOffer>> _offers = new();

    public IReadOnlyList<LiveOffer> For(int storeId, int customerId) =>
        customerId > 0 && _offers.TryGetValue((storeId, customerId), out var offers) ? offers : [];

    public void Replace(IEnumerable<(int StoreId, int CustomerId, LiveOffer Offer)> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var loaded = new ConcurrentDictionary<(int, int), ImmutableArray<LiveOffer>>(offers
            .GroupBy(offer => (offer.StoreId, offer.CustomerId))
            .Select(group => KeyValuePair.Create(group.Key, group.Select(offer => offer.Offer).ToImmutableArray())));
        _offers = loaded;
    }

    /// <summary>A newer offer of the same product replaces the older one.</summary>
    public void Add(int storeId, int customerId, LiveOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        _offers.AddOrUpdate((storeId, customerId), [offer],
            (_, known) => known.RemoveAll(old => old.ProductId == offer.ProductId).Add(offer));
    }

    public void Forget(int customerId)
    {
        foreach (var key in _offers.Keys.Where(key => key.CustomerId == customerId).ToList())
            _offers.TryRemove(key, out _);
    }
}
