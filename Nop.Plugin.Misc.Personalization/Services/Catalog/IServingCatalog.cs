namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>
/// Every product's serving facts in memory; refreshed in the background and patched from product change events.
/// </summary>
public interface IServingCatalog
{
    bool IsLoaded { get; }

    int Count { get; }

    ServableProduct Find(int productId);

    IReadOnlyCollection<ServableProduct> All();

    void Replace(IReadOnlyDictionary<int, ServableProduct> products);

    void Upsert(ServableProduct product);
}
