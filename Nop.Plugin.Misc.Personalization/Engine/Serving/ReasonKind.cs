namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>Why a product was recommended. Values are persisted (e.g. in impression logs), so they never change meaning.</summary>
public enum ReasonKind : byte
{
    /// <summary>Often in the same order as <see cref="Reason.ProductId"/>.</summary>
    BoughtWith = 1,

    /// <summary>Customers interested in <see cref="Reason.ProductId"/> were interested in this too.</summary>
    SimilarTo = 2,

    /// <summary>Often bought after <see cref="Reason.ProductId"/>; <see cref="Reason.Value"/> = median lag in days.</summary>
    BoughtAfter = 3,

    /// <summary>Personal: related to <see cref="Reason.ProductId"/>, which the customer viewed (or carted, wished).</summary>
    BecauseYouViewed = 4,

    /// <summary>Personal: related to <see cref="Reason.ProductId"/>, which the customer bought.</summary>
    BecauseYouBought = 5,

    /// <summary>A replenishable product the customer buys regularly; <see cref="Reason.Value"/> = usual interval in days.</summary>
    DueForReorder = 6,

    /// <summary>The customer bought it before.</summary>
    BoughtBefore = 7,

    /// <summary>Trending in the store.</summary>
    Trending = 8,

    /// <summary>Trending in category <see cref="Reason.CategoryId"/>.</summary>
    TrendingInCategory = 9,

    /// <summary>Content neighbour: shares category <see cref="Reason.CategoryId"/> with <see cref="Reason.ProductId"/>.</summary>
    SameCategory = 10,

    /// <summary>Content neighbour: same manufacturer (<see cref="Reason.ManufacturerId"/>) as <see cref="Reason.ProductId"/>.</summary>
    SameManufacturer = 11,

    /// <summary>
    /// In season: product <see cref="Reason.ProductId"/> (of category <see cref="Reason.CategoryId"/>) sold in these weeks
    /// of an earlier year above its usual week; <see cref="Reason.Value"/> = its seasonal index over the season.
    /// </summary>
    Seasonal = 12,

    /// <summary>The product came back in stock and the shopper asked about it or is likely to want it.</summary>
    BackInStock = 13
}
