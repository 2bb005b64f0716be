namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Re-ranks text matches: relevance × (1 + weighted shopper affinity + query statistics + trending). Ties keep the
/// index's order, so without signals the text order stands.
/// </summary>
public static class SearchRanker
{
    public static IReadOnlyList<RankedResult> Rank(IReadOnlyList<SearchCandidate> candidates, ISearchSignals signals, SearchWeights weights)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(weights);

        var scored = new (RankedResult Result, int Position)[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            scored[i] = (new RankedResult(candidate.ProductId, Score(candidate, signals, weights)), i);
        }

        Array.Sort(scored, static (a, b) =>
        {
            var byScore = b.Result.Score.CompareTo(a.Result.Score);
            return byScore != 0 ? byScore : a.Position.CompareTo(b.Position);
        });
        return scored.Select(entry => entry.Result).ToArray();
    }

    public static double Score(SearchCandidate candidate, ISearchSignals signals, SearchWeights weights)
    {
        var lift = weights.Affinity * Unit(signals.Affinity(candidate.ProductId))
            + weights.Query * Unit(signals.Query(candidate.ProductId))
            + weights.Trending * Unit(signals.Trending(candidate.ProductId));
        return Unit(candidate.Relevance) * (1 + lift);
    }

    private static double Unit(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
}
