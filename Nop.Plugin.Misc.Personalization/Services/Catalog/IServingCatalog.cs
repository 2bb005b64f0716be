using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Every product's serving facts in memory; refreshed in the background and patched from product change events.
/// </summary>
public interface IServingCatalog
{
    bool IsLoaded { get; }

    int Count { get; }

    ServableProduct Find(int productId);

    /// <summary>Content neighbours over the last full load (attributes weighted by rarity); null before the first load.</summary>
    ContentIndex Content { get; }

    IReadOnlyCollection<ServableProduct> All();

    void Replace(IReadOnlyDictionary<int, ServableProduct> products);

    void Upsert(ServableProduct product);
}
