using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// What each shopper did recently, in memory, so widgets react within the same visit without reading the database.
/// </summary>
public interface ILiveActivity
{
    void Record(Interaction interaction);

    /// <summary>
    /// The customer's recent interactions in this store, oldest first (at most the configured number).
    /// </summary>
    IReadOnlyList<Interaction> Recent(int storeId, int customerId);

    /// <summary>
    /// Products currently in the customer's cart as far as this node has seen.
    /// </summary>
    IReadOnlyCollection<int> Cart(int storeId, int customerId);

    /// <summary>
    /// The quantity of a product in the customer's cart as far as this node has seen; null when unknown.
    /// </summary>
    int? CartQuantity(int storeId, int customerId, int productId);

    void ClearCart(int storeId, int customerId);

    /// <summary>
    /// A guest logged in: their recent activity now belongs to the customer.
    /// </summary>
    void Move(int fromCustomerId, int toCustomerId);

    /// <summary>
    /// The customer's data was erased: drops what this node holds of them in every store.
    /// </summary>
    void Forget(int customerId);
}
