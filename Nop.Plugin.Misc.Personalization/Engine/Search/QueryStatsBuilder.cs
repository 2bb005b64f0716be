using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Learns query → product statistics from the shop's events: what a shopper views, clicks, adds to cart or buys within
/// <see cref="Window"/> after a search counts for that search's words (the latest search before it). A click on a
/// search result counts for the words signed into the page, also for shoppers who may not be identified; the view it
/// leads to is then not counted a second time.
/// </summary>
public sealed class QueryStatsBuilder
{
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Searches of a query needed before its statistics count half: shrinks what a single search says.</summary>
    public double PriorSearches { get; init; } = 2;

    /// <summary>What a click on a search result counts, against a view after a search (1): the shopper chose it among the results.</summary>
    public double ClickWeight { get; init; } = 2;

    public QueryStats Build(IEnumerable<SearchLogEntry> searches, IEnumerable<Interaction> interactions) => Build(searches, interactions, []);

    public QueryStats Build(IEnumerable<SearchLogEntry> searches, IEnumerable<Interaction> interactions, IEnumerable<SearchClickEntry> clicks)
    {
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(clicks);

        var searchesByCustomer = searches
            .Select(search => search with { Query = QueryText.Normalize(search.Query) })
            .Where(search => search.Query.Length > 0)
            .GroupBy(search => search.CustomerId)
            .ToDictionary(group => group.Key, group => group.OrderBy(search => search.TimeUtc).ToArray());
        var searchCounts = searchesByCustomer.Values.SelectMany(list => list)
            .GroupBy(search => search.Query)
            .ToDictionary(group => group.Key, group => group.Count());

        var weights = new Dictionary<string, Dictionary<int, double>>();
        var clicked = new Dictionary<(int CustomerId, string Query, int ProductId), List<DateTime>>();
        foreach (var click in clicks.Select(click => click with { Query = QueryText.Normalize(click.Query) }))
        {
            if (click.Query.Length == 0 || click.ProductId <= 0)
                continue;

            Add(weights, click.Query, click.ProductId, ClickWeight);
            if (click.CustomerId == 0)
                //an anonymous shopper's search is stored without a customer, so their click stands for it
                searchCounts[click.Query] = searchCounts.GetValueOrDefault(click.Query) + 1;
            else
                (clicked.TryGetValue((click.CustomerId, click.Query, click.ProductId), out var times)
                    ? times
                    : clicked[(click.CustomerId, click.Query, click.ProductId)] = []).Add(click.TimeUtc);
        }

        foreach (var interaction in interactions)
        {
            var weight = Weight(interaction.Type);
            if (weight <= 0 || interaction.ProductId == 0 || !searchesByCustomer.TryGetValue(interaction.CustomerId, out var customerSearches))
                continue;
            var search = LatestBefore(customerSearches, interaction.TimeUtc);
            if (search is not { } found || interaction.TimeUtc - found.TimeUtc > Window)
                continue;
            if (interaction.Type == InteractionType.View && FollowsClick(clicked, interaction, found.Query))
                continue;

            Add(weights, found.Query, interaction.ProductId, weight);
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

    private static void Add(Dictionary<string, Dictionary<int, double>> weights, string query, int productId, double weight)
    {
        if (!weights.TryGetValue(query, out var products))
            weights[query] = products = [];
        products[productId] = products.GetValueOrDefault(productId) + weight;
    }

    private bool FollowsClick(Dictionary<(int, string, int), List<DateTime>> clicked, Interaction view, string query) =>
        clicked.TryGetValue((view.CustomerId, query, view.ProductId), out var times)
        && times.Any(time => view.TimeUtc - time <= Window && time - view.TimeUtc <= _beaconSlack);

    //the beacon and the page it opens are recorded by different requests, in either order
    private static readonly TimeSpan _beaconSlack = TimeSpan.FromMinutes(1);

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
