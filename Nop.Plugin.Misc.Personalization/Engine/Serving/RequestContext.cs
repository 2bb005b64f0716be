namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>What the page knows at request time besides the customer's history.</summary>
public sealed record RequestContext
{
    public static RequestContext Default { get; } = new();

    /// <summary>Never returned (e.g. products already shown on the page).</summary>
    public IReadOnlyCollection<int> ExcludedProductIds { get; init; }

    /// <summary>Never returned; also a strong signal of current interest.</summary>
    public IReadOnlyCollection<int> CartProductIds { get; init; }

    public PurchasedProducts Purchased { get; init; } = PurchasedProducts.ExcludeUnlessReplenishable;

    /// <summary>The category being browsed (0 = none): cold-start customers get what trends there.</summary>
    public int CategoryId { get; init; }
}
