namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// Which reminder a cart is due for now.
/// </summary>
public enum AbandonedCartStep
{
    None = 0,
    First = 1,
    Second = 2
}
