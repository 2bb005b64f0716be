namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// A customer's cart in one store: its lines and when any of them was last added or changed.
/// </summary>
public sealed record AbandonedCart(int CustomerId, int StoreId, IReadOnlyList<CartLine> Lines, DateTime LastChangedUtc)
{
    public string Fingerprint { get; } = CartFingerprint.Of(Lines);
}
