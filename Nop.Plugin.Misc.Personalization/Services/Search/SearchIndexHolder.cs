using Nop.Plugin.Misc.Personalization.Engine.Search;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

public sealed class SearchIndexHolder : ISearchIndexHolder
{
    private volatile ProductSearchIndex _index;
    private volatile IReadOnlyDictionary<int, LearntSearch> _learnt = new Dictionary<int, LearntSearch>();

    public ProductSearchIndex Index => _index;

    public void Swap(ProductSearchIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        //the replaced index is left to the garbage collector: a search may still be reading it
        _index = index;
    }

    public QueryStats QueryStatsOf(int storeId) => _learnt.GetValueOrDefault(storeId)?.QueryStats ?? QueryStats.Empty;

    public SearchWeights WeightsOf(int storeId) => _learnt.GetValueOrDefault(storeId)?.Weights ?? SearchWeights.Default;

    public void SwapLearnt(IReadOnlyDictionary<int, LearntSearch> byStore) => _learnt = byStore ?? throw new ArgumentNullException(nameof(byStore));
}
