namespace Nop.Plugin.Misc.Personalization.Services.Capture;

/// <summary>
/// One request's view of cart lines added for another customer. When a guest logs in, nopCommerce copies the guest's
/// cart lines to the account (while the current customer is still the guest) and then deletes the guest's lines:
/// those deletions are a move, not the shopper taking products out of the cart.
/// </summary>
public sealed class CartMigrationTracker
{
    private readonly HashSet<(int StoreId, int ProductId)> _copiedToAnotherCustomer = [];

    public void CopiedToAnotherCustomer(int storeId, int productId) => _copiedToAnotherCustomer.Add((storeId, productId));

    public bool WasCopied(int storeId, int productId) => _copiedToAnotherCustomer.Contains((storeId, productId));
}
