namespace Nop.Plugin.Misc.Personalization.Services.BackInStock;

/// <summary>
/// Every customer's unexpired "back in stock for you" offers, in memory on every node: loaded from the database in the
/// background and added to as offers are made on this node.
/// </summary>
public interface IBackInStockOffers
{
    IReadOnlyList<LiveOffer> For(int storeId, int customerId);

    void Replace(IEnumerable<(int StoreId, int CustomerId, LiveOffer Offer)> offers);

    void Add(int storeId, int customerId, LiveOffer offer);

    void Forget(int customerId);
}
