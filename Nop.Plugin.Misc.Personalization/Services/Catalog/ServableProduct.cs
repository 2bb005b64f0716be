using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// What serving needs to know about a product to decide whether it may be shown, held in memory on every node.
/// </summary>
public sealed record ServableProduct(
    int Id,
    bool Published,
    bool Deleted,
    bool VisibleIndividually,
    bool InStock,
    DateTime? AvailableFromUtc,
    DateTime? AvailableToUtc,
    bool SubjectToAcl,
    bool LimitedToStores,
    int[] CategoryIds,
    int ManufacturerId,
    decimal Price,
    DateTime CreatedOnUtc)
{
    /// <summary>
    /// Units that can still be sold, when nopCommerce limits them (stock managed, no backorders); null when it does not.
    /// </summary>
    public int? StockLeft { get; init; }

    /// <summary>Filterable specification options, tags and attribute values, by nopCommerce ids.</summary>
    public ProductAttributes Attributes { get; init; } = ProductAttributes.Empty;

    /// <summary>
    /// Whether the units it holds can sell (none counted, or some left), whatever its buy button: what an update of the
    /// product keeps for stock that is not on the product (warehouses, attribute combinations).
    /// </summary>
    public bool StockCanSell => StockLeft is null or > 0;

    /// <summary>
    /// The owner's own low-stock mark (nopCommerce's "minimum stock quantity", when reaching it triggers no other action);
    /// 0 when there is none.
    /// </summary>
    public int MinStockQuantity { get; init; }

    /// <summary>
    /// About to sell out: at most <paramref name="threshold"/> units left, or no more than the owner's own minimum stock
    /// quantity, the point where nopCommerce shows "low stock" (a threshold of 0 turns this off).
    /// </summary>
    public bool IsLowStock(int threshold) => threshold > 0 && StockLeft is { } left && (left <= threshold || left <= MinStockQuantity);

    /// <summary>
    /// Can be offered to shoppers at <paramref name="nowUtc"/>: shown and buyable (what "back in stock" means).
    /// </summary>
    public bool IsSellable(DateTime nowUtc) => IsShowable(nowUtc, requireStock: true);

    public bool IsAvailableAt(DateTime nowUtc) =>
        (AvailableFromUtc == null || AvailableFromUtc <= nowUtc) && (AvailableToUtc == null || AvailableToUtc >= nowUtc);

    /// <summary>
    /// Shown at all, before customer-specific rules (ACL, store, cart, history).
    /// </summary>
    public bool IsShowable(DateTime nowUtc, bool requireStock) =>
        Published && !Deleted && VisibleIndividually && IsAvailableAt(nowUtc) && (InStock || !requireStock);

    public ProductFacts ToFacts() => new(Id, CategoryIds, ManufacturerId, Price, Published && !Deleted, InStock, CreatedOnUtc) { Attributes = Attributes };
}
