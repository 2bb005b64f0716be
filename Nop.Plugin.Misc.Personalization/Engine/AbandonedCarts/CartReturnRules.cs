using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// Decides a restore-link click from the signed link alone: the customer and store come from the signature, never from
/// the request; the visitor's own id only chooses between showing the cart and asking to sign in.
/// </summary>
public static class CartReturnRules
{
    public static CartReturnAction Decide(EmailLinkSubject subject, int currentStoreId, int visitorCustomerId)
    {
        if (subject?.State is not { Length: CartFingerprint.BYTES } || subject.StoreId != currentStoreId)
            return CartReturnAction.Invalid;

        return subject.CustomerId == visitorCustomerId ? CartReturnAction.ShowCart : CartReturnAction.SignInForCart;
    }

    /// <summary>The cart changed since the e-mail: the link still leads to it, but what it shows is today's cart.</summary>
    public static bool IsStale(EmailLinkSubject subject, IEnumerable<CartLine> currentLines) =>
        !string.Equals(CartFingerprint.Format(subject.State), CartFingerprint.Of(currentLines), StringComparison.Ordinal);
}
