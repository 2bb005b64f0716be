using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

public interface IPersonalizedSearch
{
    /// <returns>Ids of the current store's matching products, best first for the current shopper.</returns>
    /// <exception cref="SearchIndexNotReadyException">No other provider answered and the index is not built yet on this node.</exception>
    Task<List<int>> SearchAsync(string keywords, bool isLocalized);

    /// <returns>
    /// Ids of the store's matching products, best first for <paramref name="customer"/> (as that shopper would see them,
    /// consent included); null customer: for a shopper the plugin knows nothing about.
    /// </returns>
    /// <exception cref="SearchIndexNotReadyException">No other provider answered and the index is not built yet on this node.</exception>
    Task<List<int>> SearchForAsync(string keywords, bool isLocalized, Customer customer, int storeId);
}
