namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// What a store's history offers the BG/NBD fit, so a missing prediction can say why.
/// </summary>
/// <param name="Buyers">Customers with at least one purchase.</param>
/// <param name="RepeatBuyers">Buyers who bought again on a later day.</param>
/// <param name="Fitted">Whether the model was fitted (enough history and a usable fit).</param>
public sealed record LifetimeSupport(int Buyers, int RepeatBuyers, bool Fitted)
{
    public static LifetimeSupport None { get; } = new(0, 0, false);

    public bool HasEnoughHistory(LifetimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Buyers >= options.MinCustomers && RepeatBuyers >= options.MinRepeatCustomers;
    }
}
