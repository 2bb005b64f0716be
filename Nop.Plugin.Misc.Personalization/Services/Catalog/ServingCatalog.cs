using System.Collections.Frozen;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

public sealed class ServingCatalog : IServingCatalog
{
    private sealed record State(FrozenDictionary<int, ServableProduct> Loaded, IReadOnlyDictionary<int, ServableProduct> Patches, bool IsLoaded);

    private readonly object _writeLock = new();
    private volatile State _state = new(FrozenDictionary<int, ServableProduct>.Empty, new Dictionary<int, ServableProduct>(), false);

    public bool IsLoaded => _state.IsLoaded;

    public int Count => _state.Loaded.Count;

    public ServableProduct Find(int productId)
    {
        var state = _state;
        if (state.Patches.Count > 0 && state.Patches.TryGetValue(productId, out var patched))
            return patched;

        return state.Loaded.GetValueOrDefault(productId);
    }

    public IReadOnlyCollection<ServableProduct> All()
    {
        var state = _state;
        if (state.Patches.Count == 0)
            return state.Loaded.Values;

        var merged = state.Loaded.ToDictionary();
        foreach (var (id, product) in state.Patches)
            merged[id] = product;
        return merged.Values;
    }

    public void Replace(IReadOnlyDictionary<int, ServableProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        lock (_writeLock)
            _state = new State(products.ToFrozenDictionary(), new Dictionary<int, ServableProduct>(), true);
    }

    /// <summary>
    /// Patches are few (products edited since the last full load), so copying them on write keeps reads lock-free.
    /// </summary>
    public void Upsert(ServableProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        lock (_writeLock)
        {
            var patches = new Dictionary<int, ServableProduct>(_state.Patches) { [product.Id] = product };
            _state = _state with { Patches = patches };
        }
    }
}
