using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// A shopper's decayed leaning towards categories, manufacturers and price bands, from their history: each interaction
/// weighs (type weight) × 0.5^(age / half-life); a target's share is the part of the total weight that touched it.
/// A product's affinity is the mean of its best category share, its manufacturer share and its price band share, over
/// those the product has: a product sold without a manufacturer is not held back by the missing one.
/// </summary>
public sealed class ShopperTaste
{
    private readonly ItemCatalog _catalog;
    private readonly Dictionary<int, double> _categories = [];
    private readonly Dictionary<int, double> _manufacturers = [];
    private readonly Dictionary<int, double> _priceBands = [];

    private ShopperTaste(ItemCatalog catalog) => _catalog = catalog;

    public static ShopperTaste Empty(ItemCatalog catalog) => new(catalog);

    public bool IsEmpty => _categories.Count == 0 && _manufacturers.Count == 0 && _priceBands.Count == 0;

    public static ShopperTaste From(IReadOnlyList<Interaction> history, ItemCatalog catalog, DateTime nowUtc, double halfLifeDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(catalog);

        var taste = new ShopperTaste(catalog);
        var total = 0.0;
        foreach (var interaction in history)
        {
            var typeWeight = TypeWeight(interaction.Type);
            var index = catalog.IndexOf(interaction.ProductId);
            if (typeWeight <= 0 || index < 0 || interaction.TimeUtc > nowUtc)
                continue;

            var weight = typeWeight * Math.Pow(0.5, (nowUtc - interaction.TimeUtc).TotalDays / Math.Max(halfLifeDays, 0.01));
            total += weight;
            foreach (var categoryId in catalog.CategoriesOf(index))
                Add(taste._categories, categoryId, weight);
            if (catalog.ManufacturerOf(index) != 0)
                Add(taste._manufacturers, catalog.ManufacturerOf(index), weight);
            if (catalog.PriceBandOf(index) >= 0)
                Add(taste._priceBands, catalog.PriceBandOf(index), weight);
        }

        if (total <= 0)
            return taste;
        Scale(taste._categories, total);
        Scale(taste._manufacturers, total);
        Scale(taste._priceBands, total);
        return taste;
    }

    /// <summary>In [0, 1]; 0 for a product the model does not know.</summary>
    public double AffinityOf(int productId)
    {
        if (IsEmpty)
            return 0;
        var index = _catalog.IndexOf(productId);
        if (index < 0)
            return 0;

        var sum = 0.0;
        var kinds = 0;
        var categories = _catalog.CategoriesOf(index);
        if (categories.Length > 0)
        {
            var category = 0.0;
            foreach (var categoryId in categories)
                category = Math.Max(category, _categories.GetValueOrDefault(categoryId));
            sum += category;
            kinds++;
        }
        if (_catalog.ManufacturerOf(index) != 0)
        {
            sum += _manufacturers.GetValueOrDefault(_catalog.ManufacturerOf(index));
            kinds++;
        }
        if (_catalog.PriceBandOf(index) >= 0)
        {
            sum += _priceBands.GetValueOrDefault(_catalog.PriceBandOf(index));
            kinds++;
        }
        return kinds == 0 ? 0 : sum / kinds;
    }

    private static double TypeWeight(InteractionType type) => type switch
    {
        InteractionType.View or InteractionType.RecommendationClick => 1,
        InteractionType.Wishlist => 2,
        InteractionType.AddToCart => 3,
        InteractionType.Purchase => 5,
        _ => 0
    };

    private static void Add(Dictionary<int, double> shares, int id, double weight) => shares[id] = shares.GetValueOrDefault(id) + weight;

    private static void Scale(Dictionary<int, double> shares, double total)
    {
        foreach (var id in shares.Keys.ToArray())
            shares[id] /= total;
    }
}
