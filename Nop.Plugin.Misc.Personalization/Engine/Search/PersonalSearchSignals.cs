using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>The signals of one search from the store's model: the shopper's taste, the query's statistics, trending.</summary>
public sealed class PersonalSearchSignals : ISearchSignals
{
    private readonly ItemCatalog _catalog;
    private readonly PopularityModel _popularity;
    private readonly IReadOnlyDictionary<int, double> _queryProducts;
    private readonly ShopperTaste _taste;

    public PersonalSearchSignals(ItemCatalog catalog, PopularityModel popularity, ShopperTaste taste, IReadOnlyDictionary<int, double> queryProducts)
    {
        _catalog = catalog;
        _popularity = popularity;
        _taste = taste;
        _queryProducts = queryProducts;
    }

    public double Affinity(int productId) => _taste.AffinityOf(productId);

    public double Query(int productId) => _queryProducts.GetValueOrDefault(productId);

    public double Trending(int productId)
    {
        var index = _catalog.IndexOf(productId);
        return index < 0 || _popularity.MaxTrending <= 0 ? 0 : _popularity.TrendingOf(index) / _popularity.MaxTrending;
    }
}
