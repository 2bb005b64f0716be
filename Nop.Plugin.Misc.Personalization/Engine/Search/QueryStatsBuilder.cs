using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Learns query → product statistics from the shop's events: what a shopper views, clicks, adds to cart or buys within
/// <see cref="Window"/> after a search counts for that search's words (the latest search before it).
/// </summary>
public sealed class QueryStatsBuilder
{
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Searches of a query needed before its statistics count half: shrinks what a single search says.</summary>
    public double PriorSearches { get; init; } = 2;

    public QueryStats Build(IEnumerable<SearchLogEntry> searches, IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(interactions);

        var searchesByCustomer = searches
            .Select(search => search with { Query = QueryText.Normalize(search.Query) })
            .Where(search => search.Query.Length > 0)
            .GroupBy(search => search.CustomerId)
            .ToDictionary(group => group.Key, group => group.OrderBy(search => search.TimeUtc).ToArray());
        var searchCounts = searchesByCustomer.Values.SelectMany(list => list)
            .GroupBy(search => search.Query)
            .ToDictionary(group => group.Key, group => group.Count());

        var weights = new Dictionary<string, Dictionary<int, double>>();
        foreach (var interaction in interactions)
        {
            var weight = Weight(interaction.Type);
            if (weight <= 0 || interaction.ProductId == 0 || !searchesByCustomer.TryGetValue(interaction.CustomerId, out var customerSearches))
                continue;
            var search = LatestBefore(customerSearches, interaction.TimeUtc);
            if (search is not { } found || interaction.TimeUtc - found.TimeUtc > Window)
                continue;

            if (!weights.TryGetValue(found.Query, out var products))
                weights[found.Query] = products = [];
            products[interaction.ProductId] = products.GetValueOrDefault(interaction.ProductId) + weight;
        }

        var result = new Dictionary<string, IReadOnlyDictionary<int, double>>(weights.Count);
        foreach (var (query, products) in weights)
        {
            var best = products.Values.Max();
            var count = searchCounts.GetValueOrDefault(query);
            var confidence = count / (count + PriorSearches);
            result[query] = products.ToDictionary(pair => pair.Key, pair => pair.Value / best * confidence);
        }

        return new QueryStats(result);
    }

    private static double Weight(InteractionType type) => type switch
    {
        InteractionType.View or InteractionType.RecommendationClick => 1,
        InteractionType.AddToCart => 3,
        InteractionType.Purchase => 5,
        _ => 0
    };

    private static SearchLogEntry? LatestBefore(SearchLogEntry[] searches, DateTime timeUtc)
    {
        SearchLogEntry? latest = null;
        foreach (var search in searches)
        {
            if (search.TimeUtc > timeUtc)
                break;
            latest = search;
        }

        return latest;
    }
}
