namespace Nop.Plugin.Misc.Personalization.Services.Search;

public interface IPersonalizedSearch
{
    /// <returns>Ids of the current store's matching products, best first for the current shopper.</returns>
    /// <exception cref="SearchIndexNotReadyException">No other provider answered and the index is not built yet on this node.</exception>
    Task<List<int>> SearchAsync(string keywords, bool isLocalized);
}
