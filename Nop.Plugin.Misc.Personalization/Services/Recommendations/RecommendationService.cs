using Nop.Plugin.Misc.Personalization.Engine.BackInStock;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Complements;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Services.BackInStock;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// Answers a placement from memory: asks the engine for candidates along a fallback chain (personal → contextual →
/// trending), filters what may not be shown, keeps categories diverse, and returns nothing rather than filler when
/// too little is left. Customer-specific catalog rules that need nopCommerce (ACL, store mapping) are applied by the
/// caller to the few products it renders.
/// </summary>
public class RecommendationService
{
    private delegate IReadOnlyList<Recommendation> Source(int count);

    private readonly IBackInStockOffers _backInStock;
    private readonly IServingCatalog _catalog;
    private readonly ICustomerHistory _history;
    private readonly IRecommenderHolder _holder;
    private readonly ILiveActivity _liveActivity;
    private readonly ServingOptions _options;

    public RecommendationService(IServingCatalog catalog, ICustomerHistory history, IRecommenderHolder holder, ILiveActivity liveActivity,
        PersonalizationSettings settings, IBackInStockOffers backInStock = null)
        : this(catalog, history, holder, liveActivity, ServingOptions.From(settings), backInStock)
    {
    }

    internal RecommendationService(IServingCatalog catalog, ICustomerHistory history, IRecommenderHolder holder, ILiveActivity liveActivity, ServingOptions options,
        IBackInStockOffers backInStock = null)
    {
        _backInStock = backInStock;
        _catalog = catalog;
        _history = history;
        _holder = holder;
        _liveActivity = liveActivity;
        _options = options;
    }

    public IReadOnlyList<RecommendedProduct> Recommend(RecommendationRequest request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count <= 0)
            return [];

        var history = _history.Get(request.StoreId, request.CustomerId);
        var cart = request.CartProductIds ?? _liveActivity.Cart(request.StoreId, request.CustomerId);

        if (request.Strategy == PlacementStrategy.RecentlyViewed)
            return Finish(RecentlyViewed(request, history, cart, nowUtc));
        //one product back in stock is the whole point: the placement's minimum (against filler) does not apply
        if (!PlacementMinimum.AppliesTo(request.Strategy))
            return BackInStockForYou(request, history, cart, nowUtc);

        var recommender = _holder.Find(request.StoreId);
        if (recommender == null)
            return [];

        var excluded = new HashSet<int>(cart);
        if (request.ProductId > 0)
            excluded.Add(request.ProductId);
        if (request.OrderProductIds != null)
            excluded.UnionWith(request.OrderProductIds);
        if (request.AlreadyShown != null)
            excluded.UnionWith(request.AlreadyShown);
        //a buy-again placement is made of exactly what the other strategies leave out; last season's purchases are what
        //"back this season" is for
        var bought = request.Strategy is PlacementStrategy.BuyAgain or PlacementStrategy.BackThisSeason ? [] : BoughtAndNotReplenishable(recommender, history);

        var picked = new List<RecommendedProduct>(request.Count);
        var perCategory = new Dictionary<int, int>();
        foreach (var (name, source) in Chain(recommender, request, history, cart, excluded, nowUtc))
        {
            if (picked.Count >= request.Count)
                break;

            foreach (var candidate in ByStock(source(request.Count * _options.CandidateFactor + excluded.Count)))
            {
                if (picked.Count >= request.Count)
                    break;
                if (excluded.Contains(candidate.ProductId) || bought.Contains(candidate.ProductId) || !double.IsFinite(candidate.Score))
                    continue;

                var product = _catalog.Find(candidate.ProductId);
                if (product == null || !product.IsShowable(nowUtc, _options.RequireStock) || !DiversityAllows(request.Strategy, product, perCategory))
                    continue;

                picked.Add(new RecommendedProduct(candidate.ProductId, candidate.Score, candidate.Reasons, name));
                excluded.Add(candidate.ProductId);
                Count(product, perCategory);
            }
        }

        return Finish(picked);
    }

    /// <summary>
    /// A source's candidates with those about to sell out moved after the others (or before them, for "last items"),
    /// each group in the source's order.
    /// </summary>
    private IEnumerable<Recommendation> ByStock(IReadOnlyList<Recommendation> candidates)
    {
        bool IsLow(Recommendation candidate) => _catalog.Find(candidate.ProductId)?.IsLowStock(_options.LowStockThreshold) == true;

        //the usual case, nothing about to sell out, costs no reordering
        if (_options.LowStockThreshold <= 0 || !candidates.Any(IsLow))
            return candidates;

        var low = candidates.ToLookup(IsLow);
        return _options.PromoteLowStock ? low[true].Concat(low[false]) : low[false].Concat(low[true]);
    }

    private IReadOnlyList<RecommendedProduct> Finish(IReadOnlyList<RecommendedProduct> picked) =>
        picked.Count < _options.MinimumCount ? [] : picked;

    private IEnumerable<(string Name, Source Source)> Chain(Recommender recommender, RecommendationRequest request,
        IReadOnlyList<Interaction> history, IReadOnlyCollection<int> cart, IReadOnlyCollection<int> excluded, DateTime nowUtc)
    {
        var contextCategory = request.CategoryId > 0 ? request.CategoryId : FirstCategory(request.ProductId);
        Source personal = count => recommender.ForCustomer(history.ToArray(), nowUtc, count,
            new RequestContext { ExcludedProductIds = excluded, CartProductIds = cart, CategoryId = contextCategory });
        Source trendingHere = count => TrendingInCategory(recommender, contextCategory, count, nowUtc, excluded);
        Source trending = count => recommender.Trending(null, count, nowUtc, excluded);

        switch (request.Strategy)
        {
            case PlacementStrategy.Similar:
                //a product nobody has interacted with yet, described by attributes, borrows its neighbours by them
                yield return ("similar", count => IsColdWithAttributes(recommender, request.ProductId) ? [] : recommender.Similar(request.ProductId, count, excluded));
                yield return ("content", count => ContentNeighbours(recommender, request.ProductId, count, excluded));
                yield return ("trending-in-category", trendingHere);
                break;
            case PlacementStrategy.SimilarStyle:
                yield return ("similar-style", count => StyleNeighbours(recommender, request.ProductId, count, excluded));
                yield return ("similar", count => recommender.Similar(request.ProductId, count, excluded));
                yield return ("trending-in-category", trendingHere);
                break;
            case PlacementStrategy.BoughtTogether:
                yield return ("bought-together", count => recommender.BoughtTogether(request.ProductId, count, excluded));
                yield return ("similar", count => recommender.Similar(request.ProductId, count, excluded));
                yield return ("trending-in-category", trendingHere);
                break;
            case PlacementStrategy.CartCrossSell:
                yield return ("cart-cross-sell", count => cart.Count == 0 ? [] : recommender.CartCrossSell(cart.ToList(), count, excluded));
                yield return ("for-you", personal);
                break;
            case PlacementStrategy.OrderCompletedComplements:
                var ordered = request.OrderProductIds?.ToList() ?? [];
                yield return ("bought-after", count => ordered.SelectMany(id => recommender.BoughtAfter(id, count, excluded)).OrderByDescending(r => r.Score).ToList());
                yield return ("cross-sell", count => ordered.Count == 0 ? [] : recommender.CartCrossSell(ordered, count, excluded));
                yield return ("for-you", personal);
                break;
            case PlacementStrategy.ForYou or PlacementStrategy.SearchNoResults:
                yield return ("for-you", personal);
                break;
            case PlacementStrategy.TrendingInCategory:
                //no fallback: store-wide trending on a category page would pass for that category's products
                yield return ("trending-in-category", trendingHere);
                yield break;
            case PlacementStrategy.BuyAgain:
                //no fallback: trending products would pass for purchases the shopper never made
                yield return ("buy-again", count => recommender.ForCustomer(history.ToArray(), nowUtc, count,
                    new RequestContext { ExcludedProductIds = excluded, CartProductIds = cart, Purchased = PurchasedProducts.Only }));
                yield break;
            case PlacementStrategy.YouMayNeedNext:
                //no fallback: anything else would pass for a timed need the shopper does not have
                yield return ("you-may-need-next", count => NeedNext(recommender, request.CustomerId, history, count, excluded, nowUtc));
                yield break;
            case PlacementStrategy.BackThisSeason:
                //no fallback: trending products would pass for seasonal ones
                yield return ("back-this-season", count => recommender.BackThisSeason(history.ToArray(), nowUtc, count, excluded));
                yield break;
        }

        yield return ("trending", trending);
    }

    /// <summary>
    /// The timed complements of the shopper's recent purchases, computed from the loaded model and the in-memory
    /// history exactly as the daily run stores them (so the placement, the e-mail and the admin agree), strongest first.
    /// </summary>
    private static IReadOnlyList<Recommendation> NeedNext(Recommender recommender, int customerId, IReadOnlyList<Interaction> history, int count,
        IReadOnlyCollection<int> excluded, DateTime nowUtc)
    {
        if (customerId <= 0 || history.Count == 0)
            return [];

        var options = new ComplementOptions { MaxPerCustomer = count };
        return ComplementPredictor.ForCustomer(recommender.Snapshot, customerId, history.ToArray(), nowUtc, options)
            .Where(prediction => !excluded.Contains(prediction.ProductId))
            .Select(prediction => new Recommendation(prediction.ProductId, prediction.Score,
                [new Reason(ReasonKind.BoughtAfter, prediction.AnchorProductId, 0, 0, (float)prediction.MedianLagDays)]))
            .ToList();
    }

    /// <summary>
    /// The category's trending list as of training, kept to the products the live catalog still maps to the category
    /// (a product moved elsewhere since training no longer belongs there); nothing when the page has no category.
    /// </summary>
    private IReadOnlyList<Recommendation> TrendingInCategory(Recommender recommender, int categoryId, int count, DateTime nowUtc,
        IReadOnlyCollection<int> excluded)
    {
        if (categoryId <= 0)
            return [];

        return recommender.Trending(categoryId, count, nowUtc, excluded)
            .Where(candidate => _catalog.Find(candidate.ProductId)?.CategoryIds.Contains(categoryId) == true)
            .ToList();
    }

    /// <summary>
    /// A product without co-interest neighbours borrows those of products like it: attributes weighted by rarity when
    /// the catalog has them, else the snapshot's same category, brand and price band.
    /// </summary>
    private IReadOnlyList<Recommendation> ContentNeighbours(Recommender recommender, int productId, int count, IReadOnlyCollection<int> excluded)
    {
        var product = _catalog.Find(productId);
        if (product == null)
            return [];
        var alike = product.Attributes.IsEmpty ? [] : StyleNeighbours(recommender, productId, count, excluded);
        return alike.Count > 0 ? alike : recommender.ContentNeighbours(product.ToFacts(), count, excluded);
    }

    private bool IsColdWithAttributes(Recommender recommender, int productId)
    {
        if (_catalog.Find(productId)?.Attributes.IsEmpty != false || _catalog.Content == null)
            return false;
        var index = recommender.Snapshot.Catalog.IndexOf(productId);
        return index < 0 || recommender.Snapshot.Similar.CountOf(index) == 0;
    }

    private IReadOnlyList<Recommendation> StyleNeighbours(Recommender recommender, int productId, int count, IReadOnlyCollection<int> excluded)
    {
        var product = _catalog.Find(productId);
        var index = _catalog.Content;
        if (product == null || index == null)
            return [];

        var snapshot = recommender.Snapshot;
        return index.Neighbours(product.ToFacts(), count, excluded, id => snapshot.Catalog.IndexOf(id) is var i and >= 0 ? snapshot.Popularity.TrendingOf(i) : 0)
            .Select(neighbour => new Recommendation(neighbour.ProductId, neighbour.Score, [new Reason(ReasonKind.SameCategory, productId,
                _catalog.Find(neighbour.ProductId)?.CategoryIds.FirstOrDefault(product.CategoryIds.Contains) ?? 0)]))
            .ToList();
    }

    private List<RecommendedProduct> RecentlyViewed(RecommendationRequest request, IReadOnlyList<Interaction> history, IReadOnlyCollection<int> cart, DateTime nowUtc)
    {
        var picked = new List<RecommendedProduct>(request.Count);
        var seen = new HashSet<int>(cart) { request.ProductId };
        for (var i = history.Count - 1; i >= 0 && picked.Count < request.Count; i--)
        {
            var e = history[i];
            if (e.Type != InteractionType.View || !seen.Add(e.ProductId))
                continue;
            var product = _catalog.Find(e.ProductId);
            if (product == null || !product.IsShowable(nowUtc, _options.RequireStock))
                continue;
            picked.Add(new RecommendedProduct(e.ProductId, 0, [new Reason(ReasonKind.BecauseYouViewed, e.ProductId)], "recently-viewed"));
        }

        return picked;
    }

    /// <summary>
    /// The shopper's live offers of products back in stock, those they asked about first; an offer ends once they look at
    /// or buy the product (their history shows it) or its days run out. No fallback: anything else would pass for a
    /// product they were waiting for.
    /// </summary>
    private List<RecommendedProduct> BackInStockForYou(RecommendationRequest request, IReadOnlyList<Interaction> history, IReadOnlyCollection<int> cart,
        DateTime nowUtc)
    {
        var offers = _backInStock?.For(request.StoreId, request.CustomerId) ?? [];
        if (offers.Count == 0)
            return [];

        var lastSeen = new Dictionary<int, DateTime>();
        foreach (var e in history)
        {
            if ((e.Type == InteractionType.View || e.Type == InteractionType.Purchase) && (!lastSeen.TryGetValue(e.ProductId, out var known) || e.TimeUtc > known))
                lastSeen[e.ProductId] = e.TimeUtc;
        }

        return offers
            .Where(offer => BackInStockOfferRules.IsLive(offer.OfferedOnUtc, offer.ExpiresOnUtc, lastSeen.TryGetValue(offer.ProductId, out var seen) ? seen : null, nowUtc)
                && offer.ProductId != request.ProductId && !cart.Contains(offer.ProductId) && request.AlreadyShown?.Contains(offer.ProductId) != true
                && _catalog.Find(offer.ProductId)?.IsSellable(nowUtc) == true)
            .OrderByDescending(offer => offer.Score)
            .ThenByDescending(offer => offer.OfferedOnUtc)
            .Take(request.Count)
            .Select(offer => new RecommendedProduct(offer.ProductId, offer.Score, [new Reason(ReasonKind.BackInStock)], "back-in-stock"))
            .ToList();
    }

    private static HashSet<int> BoughtAndNotReplenishable(Recommender recommender, IReadOnlyList<Interaction> history)
    {
        var bought = new HashSet<int>();
        var catalog = recommender.Snapshot.Catalog;
        foreach (var e in history)
        {
            if (e.Type != InteractionType.Purchase)
                continue;
            var index = catalog.IndexOf(e.ProductId);
            if (index < 0 || !recommender.Snapshot.Repeat.IsReplenishable(index))
                bought.Add(e.ProductId);
        }

        return bought;
    }

    private int FirstCategory(int productId)
    {
        var categories = productId > 0 ? _catalog.Find(productId)?.CategoryIds : null;
        return categories is { Length: > 0 } ? categories[0] : 0;
    }

    //a placement made of one category by definition cannot be diversified across categories
    private bool DiversityAllows(PlacementStrategy strategy, ServableProduct product, Dictionary<int, int> perCategory) =>
        strategy == PlacementStrategy.TrendingInCategory || product.CategoryIds.Length == 0
        || perCategory.GetValueOrDefault(product.CategoryIds[0]) < _options.MaxPerCategory;

    private static void Count(ServableProduct product, Dictionary<int, int> perCategory)
    {
        if (product.CategoryIds.Length > 0)
            perCategory[product.CategoryIds[0]] = perCategory.GetValueOrDefault(product.CategoryIds[0]) + 1;
    }
}
