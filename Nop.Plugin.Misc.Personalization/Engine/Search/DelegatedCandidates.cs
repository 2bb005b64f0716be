namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Candidates from another search provider, which gives only an order: its rank stands for its text relevance, the
/// first at 1 and falling gently (the 10th at 0.5), so the re-ranking can lift a product a few places on strong
/// signals but not bring the provider's last match to the top.
/// </summary>
public static class DelegatedCandidates
{
    public const double RANKS_TO_HALF = 9;

    /// <param name="productIds">The provider's answer, best first; repeats and non-positive ids are dropped.</param>
    public static IReadOnlyList<SearchCandidate> FromOrder(IEnumerable<int> productIds, int max)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentOutOfRangeException.ThrowIfNegative(max);

        var seen = new HashSet<int>();
        var candidates = new List<SearchCandidate>();
        foreach (var productId in productIds)
        {
            if (candidates.Count >= max)
                break;
            if (productId > 0 && seen.Add(productId))
                candidates.Add(new SearchCandidate(productId, RANKS_TO_HALF / (RANKS_TO_HALF + candidates.Count)));
        }

        return candidates;
    }
}
