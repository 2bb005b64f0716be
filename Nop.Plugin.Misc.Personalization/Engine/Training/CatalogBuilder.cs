using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>The product universe: every product with facts or events, by ascending id.</summary>
internal static class CatalogBuilder
{
    public static ItemCatalog Build(EventColumns events, IReadOnlyList<ProductFacts> products)
    {
        var facts = new Dictionary<int, ProductFacts>();
        if (products != null)
        {
            foreach (var product in products)
            {
                if (product != null && product.ProductId > 0)
                    facts[product.ProductId] = product;
            }
        }
        var ids = new HashSet<int>(facts.Keys);
        for (var e = 0; e < events.Count; e++)
            ids.Add(events.Product[e]);
        var productIds = ids.ToArray();
        Array.Sort(productIds);

        var n = productIds.Length;
        var categoryOffsets = new int[n + 1];
        var categories = new List<int>();
        var manufacturers = new int[n];
        var prices = new float[n];
        var flags = new byte[n];
        for (var i = 0; i < n; i++)
        {
            if (facts.TryGetValue(productIds[i], out var f))
            {
                if (f.CategoryIds != null)
                {
                    var distinct = f.CategoryIds.Where(c => c > 0).Distinct().Order();
                    categories.AddRange(distinct);
                }
                manufacturers[i] = f.ManufacturerId;
                prices[i] = (float)f.Price;
                flags[i] = (byte)(ItemCatalog.HAS_FACTS | (f.Published ? ItemCatalog.PUBLISHED : 0) | (f.InStock ? ItemCatalog.IN_STOCK : 0));
            }
            categoryOffsets[i + 1] = categories.Count;
        }
        return new ItemCatalog(productIds, categoryOffsets, categories.ToArray(), manufacturers, prices, flags);
    }
}
