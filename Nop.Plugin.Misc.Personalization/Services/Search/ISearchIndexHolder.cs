using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// This node's product index and, per store, the query statistics and re-ranking weights learnt from its searches;
/// swapped whole by the background refresher and read by searches.
/// </summary>
public interface ISearchIndexHolder
{
    /// <summary>Null until the first build finished.</summary>
    ProductSearchIndex Index { get; }

    void Swap(ProductSearchIndex index);

    QueryStats QueryStatsOf(int storeId);

    SearchWeights WeightsOf(int storeId);

    void SwapLearnt(IReadOnlyDictionary<int, LearntSearch> byStore);
}
