using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Benchmarks;

/// <summary>
/// A day of product updates (imports, stock syncs, inventory adjustments) arriving between two full catalogue loads
/// of a 500,000-product shop: each update patches the serving catalogue on the request thread.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ServingCatalogUpsertBenchmark
{
    private const int PRODUCTS = 500_000;

    private Dictionary<int, ServableProduct> _loaded;
    private ServableProduct[] _updates;
    private ServingCatalog _catalog;

    [Params(5_000, 20_000, 50_000)]
    public int Updates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _loaded = Enumerable.Range(1, PRODUCTS)
            .ToDictionary(id => id, id => new ServableProduct(id, true, false, true, true, null, null, false, false, [id % 300], id % 50, 10m, created));
        _updates = Enumerable.Range(0, Updates)
            .Select(i => _loaded[i * 7 % PRODUCTS + 1] with { InStock = i % 2 == 0 })
            .ToArray();
    }

    [IterationSetup]
    public void LoadCatalogue()
    {
        _catalog = new ServingCatalog();
        _catalog.Replace(_loaded);
    }

    [Benchmark]
    public int UpsertAll()
    {
        foreach (var product in _updates)
            _catalog.Upsert(product);
        return _catalog.Count;
    }
}
