using System.Collections.Concurrent;
using System.Collections.Frozen;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

public sealed class ServingCatalog : IServingCatalog
{
    private sealed record State(FrozenDictionary<int, ServableProduct> Loaded, ConcurrentDictionary<int, ServableProduct> Patches, bool IsLoaded,
        ContentIndex Content = null);

    private readonly object _writeLock = new();
    private volatile State _state = new(FrozenDictionary<int, ServableProduct>.Empty, new ConcurrentDictionary<int, ServableProduct>(), false);

    public ContentIndex Content => _state.Content;

    public bool IsLoaded => _state.IsLoaded;

    public int Count => _state.Loaded.Count;

    public ServableProduct Find(int productId)
    {
        var state = _state;
        if (!state.Patches.IsEmpty && state.Patches.TryGetValue(productId, out var patched))
            return patched;

        return state.Loaded.GetValueOrDefault(productId);
    }

    public IReadOnlyCollection<ServableProduct> All()
    {
        var state = _state;
        if (state.Patches.IsEmpty)
            return state.Loaded.Values;

        var merged = state.Loaded.ToDictionary();
        foreach (var (id, product) in state.Patches)
            merged[id] = product;
        return merged.Values;
    }

    public void Replace(IReadOnlyDictionary<int, ServableProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        //built outside the lock: a large catalog takes a moment, and patches may land meanwhile
        var content = ContentIndex.Build(products.Values.Select(product => product.ToFacts()));
        lock (_writeLock)
            _state = new State(products.ToFrozenDictionary(), new ConcurrentDictionary<int, ServableProduct>(), true, content);
    }

    /// <summary>
    /// One write into the current patches: a day of imports and stock syncs (tens of thousands of product updates
    /// between full loads) costs linear time, and reads stay lock-free. The lock only keeps a patch from landing in
    /// the patches a concurrent <see cref="Replace"/> is discarding.
    /// </summary>
    public void Upsert(ServableProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        lock (_writeLock)
            _state.Patches[product.Id] = product;
    }
}
