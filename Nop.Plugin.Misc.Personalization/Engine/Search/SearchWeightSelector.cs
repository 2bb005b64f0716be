namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Chooses the re-ranking weights on the shop's own held-out searches: the grid point with the best mean reciprocal rank
/// of the product the shopper went on to choose. Too few searches keep the defaults; ties keep the earlier grid point
/// (the grid starts from plain text relevance, so a signal must earn its weight).
/// </summary>
public static class SearchWeightSelector
{
    public const int MIN_SEARCHES = 30;

    public static IReadOnlyList<SearchWeights> Grid { get; } =
    (
        from affinity in new[] { 0, 0.5, 1, 2 }
        from query in new[] { 0, 1, 2, 4 }
        from trending in new[] { 0, 0.25, 0.5, 1 }
        select new SearchWeights(affinity, query, trending)
    ).ToArray();

    public static (SearchWeights Weights, double Mrr, double TextOnlyMrr) Select(IReadOnlyList<HeldOutSearch> searches, IReadOnlyList<SearchWeights> grid = null)
    {
        ArgumentNullException.ThrowIfNull(searches);
        grid ??= Grid;
        var usable = searches.Where(search => search.Candidates.Any(candidate => candidate.ProductId == search.ChosenProductId)).ToList();
        if (usable.Count < MIN_SEARCHES)
            return (SearchWeights.Default, double.NaN, double.NaN);

        var best = grid[0];
        var bestMrr = Mrr(usable, best);
        foreach (var weights in grid.Skip(1))
        {
            var mrr = Mrr(usable, weights);
            if (mrr > bestMrr + 1e-12)
                (best, bestMrr) = (weights, mrr);
        }

        return (best, bestMrr, Mrr(usable, SearchWeights.TextOnly));
    }

    public static double Mrr(IReadOnlyList<HeldOutSearch> searches, SearchWeights weights)
    {
        var sum = 0.0;
        foreach (var search in searches)
        {
            var ranked = SearchRanker.Rank(search.Candidates, search.Signals, weights);
            for (var i = 0; i < ranked.Count; i++)
            {
                if (ranked[i].ProductId == search.ChosenProductId)
                {
                    sum += 1.0 / (i + 1);
                    break;
                }
            }
        }

        return searches.Count == 0 ? 0 : sum / searches.Count;
    }
}
