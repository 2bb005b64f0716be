using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Services.Search;

namespace Benchmarks;

/// <summary>
/// Personalised search on the 100,000-product synthetic shop: the provider call (index lookup of up to 500 matches +
/// re-ranking for a shopper with 200 events), cycling over 1,000 queries of five kinds. Index build time and memory,
/// and percentiles over the queries: <see cref="SearchLatencyRun"/> (a build takes seconds, too long for an in-process
/// BenchmarkDotNet job).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SearchBenchmark
{
    private PersonalizedSearch _provider;
    private string[] _queries;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var (_, loaded, history) = BenchData.Build(1_000_000);
        _provider = SearchBenchData.Provider(ProductSearchIndex.Build(SearchBenchData.Documents(SearchBenchData.Products())), loaded, history.Select(e => e with { StoreId = 1, CustomerId = 7 }).ToArray());
        _queries = SearchBenchData.Queries();
    }

    [Benchmark]
    public async Task<int> ProviderCall() => (await _provider.SearchAsync(_queries[_next++ % _queries.Length])).Count;
}
