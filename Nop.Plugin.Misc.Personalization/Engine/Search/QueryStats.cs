namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Per normalised query, the products shoppers went on to click, add to cart or buy, as a share of the query's best
/// product shrunk by how many searches back it (few searches say little).
/// </summary>
public sealed class QueryStats
{
    public static QueryStats Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<int, double>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> _byQuery;

    public QueryStats(IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> byQuery) => _byQuery = byQuery;

    public int QueryCount => _byQuery.Count;

    /// <summary>The products of one query (empty when nobody searched it), each in [0, 1].</summary>
    public IReadOnlyDictionary<int, double> For(string query) =>
        _byQuery.TryGetValue(QueryText.Normalize(query), out var products) ? products : EmptyProducts;

    private static readonly IReadOnlyDictionary<int, double> EmptyProducts = new Dictionary<int, double>();
}
