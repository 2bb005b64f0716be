namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// When a cart is abandoned enough for a reminder: untouched for <see cref="FirstDelay"/>, not older than
/// <see cref="MaxAge"/> (a cart forgotten for weeks is not worth an e-mail, and turning the feature on must not mail
/// every old cart in the shop), no order placed since its last change, and its state not e-mailed before. The optional
/// second reminder goes <see cref="SecondDelay"/> after the first, for the very same state.
/// </summary>
public sealed record AbandonedCartRules(TimeSpan FirstDelay, TimeSpan? SecondDelay, TimeSpan MaxAge)
{
    public static TimeSpan DefaultMaxAge { get; } = TimeSpan.FromDays(7);

    /// <summary>Carts changed at or before this moment have waited long enough for a first reminder.</summary>
    public DateTime IdleSince(DateTime nowUtc) => nowUtc - FirstDelay;

    /// <summary>Carts changed before this moment are too old for any reminder.</summary>
    public DateTime OldestChange(DateTime nowUtc) => nowUtc - MaxAge - (SecondDelay ?? TimeSpan.Zero);

    /// <param name="cart">The cart as it is now.</param>
    /// <param name="lastOrderUtc">The customer's latest order in the store, if any.</param>
    /// <param name="sent">What was e-mailed about the customer's cart in this store, if anything.</param>
    public AbandonedCartStep Decide(AbandonedCart cart, DateTime? lastOrderUtc, CartReminderRecord sent, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(cart);

        if (cart.Lines.Count == 0 || cart.Lines.All(line => line.Quantity <= 0))
            return AbandonedCartStep.None;

        //an order at or after the last change means the customer came back and bought
        if (lastOrderUtc >= cart.LastChangedUtc)
            return AbandonedCartStep.None;

        if (sent == null || !string.Equals(sent.Fingerprint, cart.Fingerprint, StringComparison.Ordinal))
        {
            var idle = nowUtc - cart.LastChangedUtc;
            return idle >= FirstDelay && idle <= MaxAge ? AbandonedCartStep.First : AbandonedCartStep.None;
        }

        //the same state was e-mailed already: only the optional second reminder, once
        if (SecondDelay is not { } secondDelay || sent.SecondSentUtc != null)
            return AbandonedCartStep.None;

        return nowUtc - sent.FirstSentUtc >= secondDelay && nowUtc - cart.LastChangedUtc <= MaxAge + secondDelay
            ? AbandonedCartStep.Second
            : AbandonedCartStep.None;
    }
}
