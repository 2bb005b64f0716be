using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;

namespace Benchmarks;

/// <summary>"For you" top-10 for a customer with 200 events, from a loaded 100,000-product snapshot.</summary>
[MemoryDiagnoser]
[InProcess]
public class ForCustomerBenchmark
{
    private Recommender _recommender;
    private Interaction[] _history;
    private DateTime _now;
    private RequestContext _discovery;

    [GlobalSetup]
    public void Setup()
    {
        var (_, loaded, history) = BenchData.Build(1_000_000);
        _recommender = new Recommender(loaded);
        _history = history;
        _now = history.Max(e => e.TimeUtc).AddHours(1);
        _discovery = new RequestContext { Purchased = PurchasedProducts.Exclude };
    }

    [Benchmark]
    public int ForYouTop10()
    {
        return _recommender.ForCustomer(_history, _now, 10).Count;
    }

    [Benchmark]
    public int ForYouTop10Discovery()
    {
        return _recommender.ForCustomer(_history, _now, 10, _discovery).Count;
    }

    [Benchmark]
    public int SimilarTop10()
    {
        return _recommender.Similar(_history[0].ProductId, 10).Count;
    }

    [Benchmark]
    public int CartCrossSellTop10()
    {
        return _recommender.CartCrossSell(new[] { _history[0].ProductId, _history[1].ProductId, _history[2].ProductId }, 10).Count;
    }
}
