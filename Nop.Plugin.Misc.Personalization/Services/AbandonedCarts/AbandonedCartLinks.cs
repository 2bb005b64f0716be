using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Media;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Every address an abandoned-cart e-mail carries, built here and nowhere else: product pages (plain URLs, so a tracked
/// click service can wrap them in one place), product pictures, the signed restore link, and the signed opt-out links.
/// </summary>
public class AbandonedCartLinks
{
    public const int PICTURE_SIZE = 80;

    private readonly IPictureService _pictureService;
    private readonly ReplenishmentProductLinks _productLinks;

    public AbandonedCartLinks(IPictureService pictureService, ReplenishmentProductLinks productLinks)
    {
        _pictureService = pictureService;
        _productLinks = productLinks;
    }

    /// <returns>Name and page address of each product that still exists, in the order asked.</returns>
    public virtual Task<IReadOnlyList<ReplenishmentProduct>> ProductsAsync(IReadOnlyList<int> productIds, string siteRoot, int languageId) =>
        _productLinks.GetAsync(productIds, siteRoot, languageId);

    /// <summary>
    /// The product's first picture as a thumbnail, absolute with the store's address (nopCommerce builds it, whether
    /// pictures are kept in the database or on disk); null when it has none.
    /// </summary>
    public virtual async Task<string> PictureUrlAsync(int productId, string storeUrl)
    {
        var picture = (await _pictureService.GetPicturesByProductIdAsync(productId, 1)).FirstOrDefault();
        if (picture == null)
            return null;

        var url = await _pictureService.GetPictureUrlAsync(picture.Id, PICTURE_SIZE, showDefaultPicture: false,
            storeLocation: $"{(storeUrl ?? string.Empty).TrimEnd('/')}/");
        return string.IsNullOrEmpty(url) ? null : url;
    }

    /// <summary>
    /// The restore link, signed for the customer, the store and the e-mailed cart state, and carrying the e-mail's own
    /// signed cart token (parameter <c>e</c>) so the return counts as a click of this e-mail.
    /// </summary>
    public virtual string RestoreUrl(string siteRoot, string trackingKey, AbandonedCart cart, EmailTrackingLinks tracking = null)
    {
        var url = EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.RestoreCart, cart.CustomerId, cart.StoreId, CartFingerprint.Parse(cart.Fingerprint));
        return url == null || tracking == null ? url : $"{url}&e={Uri.EscapeDataString(tracking.CartToken)}";
    }

    public virtual string StopRemindersUrl(string siteRoot, string trackingKey, int customerId, int storeId) =>
        EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.StopReminders, customerId, storeId);

    public virtual string UnsubscribeUrl(string siteRoot, string trackingKey, int customerId, int storeId) =>
        EmailLinks.Url(siteRoot, trackingKey, EmailLinkPurpose.NewsletterUnsubscribe, customerId, storeId);
}
