using System.Diagnostics;
using Nop.Plugin.Misc.Personalization.Services.Search;

namespace Benchmarks;

/// <summary>
/// Latency percentiles of the search provider call over many queries, index build time and the memory the built index
/// keeps: <c>dotnet bin/Release/net10.0/Benchmarks.dll --search-latency [calls]</c>.
/// </summary>
public static class SearchLatencyRun
{
    public static async Task<int> RunAsync(int calls)
    {
        var (_, loaded, history) = BenchData.Build(1_000_000);
        var documents = SearchBenchData.Documents(SearchBenchData.Products());
        var queries = SearchBenchData.Queries();

        var builds = new List<double>();
        var retained = new List<long>();
        ProductSearchIndex index = null;
        for (var run = 0; run < 3; run++)
        {
            index?.Dispose();
            index = null;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            index = ProductSearchIndex.Build(documents);
            builds.Add(watch.Elapsed.TotalMilliseconds);
            retained.Add(GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        var provider = SearchBenchData.Provider(index, loaded, history.Select(e => e with { StoreId = 1, CustomerId = 7 }).ToArray());
        for (var i = 0; i < 2_000; i++)
            await provider.SearchAsync(queries[i % queries.Length]);

        var times = new double[calls];
        var results = 0L;
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            results += (await provider.SearchAsync(queries[i % queries.Length])).Count;
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        builds.Sort();
        retained.Sort();
        Console.WriteLine($"products {documents.Count}, index documents {index.Count}");
        Console.WriteLine($"index build: median {builds[1]:F0} ms (runs {string.Join(", ", builds.Select(b => b.ToString("F0")))} ms); memory kept by the index: median {retained[1] / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"provider call over {calls} calls ({queries.Length} queries): p50 {Percentile(times, 50):F3} ms, p90 {Percentile(times, 90):F3} ms, p99 {Percentile(times, 99):F3} ms, max {times[^1]:F3} ms; mean results {results / (double)calls:F0}");
        return 0;
    }

    private static double Percentile(double[] sorted, double percent) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
}
