using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Benchmarks;

/// <summary>
/// A 10-item placement answered by the recommendation service (loaded snapshot + in-memory catalog filters, diversity,
/// fallback) for a customer with 200 stored events, on the 100,000-product synthetic shop. nopCommerce's model factory
/// is not included.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ServingBenchmark
{
    private const int CUSTOMER = 7;

    private RecommendationService _service;
    private DateTime _now;
    private int _productOnPage;
    private ServingCatalog _catalog;

    [GlobalSetup]
    public void Setup()
    {
        var (_, loaded, history) = BenchData.Build(1_000_000);
        var funnel = new SyntheticFunnel(BenchData.Funnel(1_000_000));
        _catalog = ServingCatalogOf(funnel);

        var holder = new RecommenderHolder();
        holder.Swap(1, 1, new Recommender(loaded));
        var live = new LiveActivity(TimeProvider.System);
        var customerHistory = new CustomerHistory(live);
        customerHistory.Store(1, CUSTOMER, history.Select(e => e with { StoreId = 1, CustomerId = CUSTOMER }).ToList());

        _service = new RecommendationService(_catalog, customerHistory, holder, live, PersonalizationSettings.Defaults());
        _now = history.Max(e => e.TimeUtc).AddHours(1);
        _productOnPage = history[0].ProductId;
    }

    [Benchmark]
    public int ForYou10() => _service.Recommend(new RecommendationRequest(PlacementStrategy.ForYou, 1, CUSTOMER, 10), _now).Count;

    [Benchmark]
    public int Similar10() => _service.Recommend(new RecommendationRequest(PlacementStrategy.Similar, 1, CUSTOMER, 10, _productOnPage), _now).Count;

    [Benchmark]
    public int BoughtTogether10() => _service.Recommend(new RecommendationRequest(PlacementStrategy.BoughtTogether, 1, CUSTOMER, 10, _productOnPage), _now).Count;

    [Benchmark]
    public int Trending10() => _service.Recommend(new RecommendationRequest(PlacementStrategy.Trending, 1, CUSTOMER, 10), _now).Count;

    public static ServingCatalog ServingCatalogOf(SyntheticFunnel funnel)
    {
        var catalog = new ServingCatalog();
        catalog.Replace(funnel.Products().ToDictionary(p => p.ProductId, p => new ServableProduct(
            p.ProductId, p.Published, false, true, p.InStock, null, null, false, false, p.CategoryIds, p.ManufacturerId, p.Price, p.CreatedOnUtc)));
        return catalog;
    }
}

/// <summary>
/// What serving holds for 100,000 products: allocated bytes of the in-memory catalog and of a loaded snapshot.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ServingMemoryBenchmark
{
    private SyntheticFunnel _funnel;
    private byte[] _snapshot;

    [GlobalSetup]
    public void Setup()
    {
        _funnel = new SyntheticFunnel(BenchData.Funnel(1_000_000));
        _snapshot = BenchData.Build(1_000_000).Bytes;
    }

    [Benchmark]
    public int ServingCatalog100k() => ServingBenchmark.ServingCatalogOf(_funnel).Count;

    [Benchmark]
    public int LoadRecommender100k() => new Recommender(Nop.Plugin.Misc.Personalization.Engine.Snapshots.SnapshotSerializer.Deserialize(_snapshot)).Snapshot.Catalog.Count;
}
