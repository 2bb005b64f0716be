namespace Nop.Plugin.Misc.Personalization.Engine.BackInStock;

/// <summary>
/// When an offer ends: after its days run out, or once the customer looked at or bought the product after it was
/// offered (they have seen it is back).
/// </summary>
public static class BackInStockOfferRules
{
    public static bool IsLive(DateTime offeredOnUtc, DateTime expiresOnUtc, DateTime? lastSeenOrBoughtUtc, DateTime nowUtc) =>
        nowUtc < expiresOnUtc && !(lastSeenOrBoughtUtc >= offeredOnUtc);

    public static DateTime ExpiresOn(DateTime offeredOnUtc, int days) => offeredOnUtc.AddDays(Math.Max(1, days));
}
