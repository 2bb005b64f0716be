using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// Answers recommendation requests from one immutable snapshot. Thread-safe; per-request memory comes from a pool, so a
/// request allocates only its result.
/// </summary>
public sealed partial class Recommender
{
    private const byte FROM_SIMILAR = 1;
    private const byte FROM_TOGETHER = 2;
    private const byte FROM_SEQUENTIAL = 3;
    private const int TRENDING_CANDIDATES = 100;

    private readonly ConcurrentBag<ScoringScratch> _pool = new();
    private readonly int _denseLimit;
    private readonly ItemCatalog _catalog;
    private readonly PopularityModel _popularity;

    // per product, precomputed from the scoring settings: activity x momentum, and repeat-rate^exponent
    private readonly float[] _candidateFactor;
    private readonly float[] _repeatFactor;

    // the season factors of the week last asked for (replaced whole when the week changes)
    private SeasonFactors _season;
    private SeasonFactors _nextSeason;

    public Recommender(ModelSnapshot snapshot)
        : this(snapshot, null)
    {
    }

    /// <param name="scoring">Overrides the blend stored in the snapshot (null = use the snapshot's).</param>
    public Recommender(ModelSnapshot snapshot, ScoringOptions scoring)
        : this(snapshot, scoring, SparseSlots<ScoringScratch.CandidateSlot>.DENSE_LIMIT)
    {
    }

    /// <param name="denseLimit">Catalogues up to this size score in plain arrays, larger ones in hash tables (tests set it).</param>
    internal Recommender(ModelSnapshot snapshot, ScoringOptions scoring, int denseLimit)
    {
        _denseLimit = denseLimit;
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        Scoring = scoring ?? snapshot.Scoring;
        _candidateFactor = CandidateFactors(snapshot, Scoring);
        _repeatFactor = RepeatFactors(snapshot, Scoring);
        _catalog = snapshot.Catalog;
        _popularity = snapshot.Popularity;
    }

    public ModelSnapshot Snapshot { get; }

    public ScoringOptions Scoring { get; }

    /// <summary>Products the same customers were interested in; content neighbours when the product has no interactions.</summary>
    public IReadOnlyList<Recommendation> Similar(int productId, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        return FromTables(productId, count, excludedProductIds, FROM_SIMILAR, true);
    }

    /// <summary>Products bought in the same order ("frequently bought together").</summary>
    public IReadOnlyList<Recommendation> BoughtTogether(int productId, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        return FromTables(productId, count, excludedProductIds, FROM_TOGETHER, false);
    }

    /// <summary>Products bought within the sequential window after this one (complements), with the median lag as reason.</summary>
    public IReadOnlyList<Recommendation> BoughtAfter(int productId, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        return FromTables(productId, count, excludedProductIds, FROM_SEQUENTIAL, false);
    }

    /// <summary>Content neighbours of a product described by its facts (it need not be in the snapshot): same categories, manufacturer, price band.</summary>
    public IReadOnlyList<Recommendation> ContentNeighbours(ProductFacts product, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (count <= 0)
            return Array.Empty<Recommendation>();
        var scratch = Rent();
        try
        {
            Block(scratch, excludedProductIds);
            var self = _catalog.IndexOf(product.ProductId);
            if (self >= 0)
                scratch.Touch(self, scratch.Blocked, ScoringScratch.BLOCKED);
            var band = product.Price > 0 ? (int)Math.Floor(Math.Log((double)product.Price) / Math.Log(1.5)) : -1;
            AddContent(scratch, product.ProductId, product.CategoryIds ?? Array.Empty<int>(), product.ManufacturerId, band, 1);
            return Select(scratch, count, ReasonsForContent);
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>Cross-sell for a cart: bought-with and bought-after neighbours of every cart line, trending as a fallback.</summary>
    public IReadOnlyList<Recommendation> CartCrossSell(IReadOnlyList<int> cartProductIds, int count, IReadOnlyCollection<int> excludedProductIds = null)
    {
        if (count <= 0)
            return Array.Empty<Recommendation>();
        var scratch = Rent();
        try
        {
            Block(scratch, excludedProductIds);
            Block(scratch, cartProductIds);
            if (cartProductIds != null)
            {
                foreach (var productId in cartProductIds)
                {
                    var i = _catalog.IndexOf(productId);
                    if (i < 0)
                        continue;
                    Spread(scratch, Snapshot.BoughtTogether, i, 1, FROM_TOGETHER);
                    Spread(scratch, Snapshot.Sequential, i, 0.5, FROM_SEQUENTIAL);
                    Spread(scratch, Snapshot.Similar, i, 0.25, FROM_SIMILAR);
                }
            }
            AddTrendingPrior(scratch, 0.01, 0);
            return Select(scratch, count, ReasonsForNeighbours);
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>
    /// Trending in the store or in a category; with a seasonal index, each product's trending is multiplied by its
    /// index this season ^ <see cref="ScoringOptions.SeasonalWeight"/>.
    /// </summary>
    public IReadOnlyList<Recommendation> Trending(int? categoryId, int count, DateTime nowUtc, IReadOnlyCollection<int> excludedProductIds = null)
    {
        if (count <= 0)
            return Array.Empty<Recommendation>();
        var scratch = Rent();
        try
        {
            Block(scratch, excludedProductIds);
            var category = categoryId ?? 0;
            var list = category == 0 ? _popularity.TopInStore() : _popularity.TopInCategory(category);
            var season = Scoring.SeasonalWeight != 0 ? SeasonAt(nowUtc) : null;
            foreach (var i in list)
            {
                scratch.Touch(i, scratch.Candidates, ScoringScratch.CANDIDATE);
                scratch.Slots[i].Score = season == null ? _popularity.TrendingOf(i) : SeasonalTrending(i, season);
            }
            if (season != null)
            {
                foreach (var i in season.InSeason)
                {
                    if (category != 0 && !_catalog.CategoriesOf(i).Contains(category))
                        continue;
                    scratch.Touch(i, scratch.Candidates, ScoringScratch.CANDIDATE);
                    scratch.Slots[i].Score = SeasonalTrending(i, season);
                }
            }
            return Select(scratch, count, (s, i) => ReasonsForTrending(category, i, season));
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>
    /// "For you": the customer's decayed history (including the current session's events) spread over the neighbour
    /// models, blended with repeat propensity for what they bought and a small trending prior. Cold start: trending in
    /// the context category, then in the store.
    /// </summary>
    public IReadOnlyList<Recommendation> ForCustomer(ReadOnlySpan<Interaction> history, DateTime nowUtc, int count, RequestContext context = null)
    {
        if (count <= 0)
            return Array.Empty<Recommendation>();
        context ??= RequestContext.Default;
        var scoring = Scoring;
        var weights = Snapshot.Weights;
        var scratch = Rent();
        try
        {
            Block(scratch, context.ExcludedProductIds);
            Block(scratch, context.CartProductIds);

            var now = nowUtc.Ticks;
            var historyRate = -1 / (scoring.HistoryHalfLifeDays * TimeSpan.TicksPerDay);
            var repeatRate = -1 / (scoring.RepeatHalfLifeDays * TimeSpan.TicksPerDay);
            var session = (long)(scoring.SessionMinutes * TimeSpan.TicksPerMinute);
            var season = scoring.SeasonalWeight != 0 ? SeasonAt(nowUtc) : null;
            var (lastSeasonStart, lastSeasonEnd) = LastYearsSeason(nowUtc, scoring);
            if (scoring.RepeatOrderHalfLife > 0)
                CollectOrders(scratch, history);
            // histories come mostly in time order, many lines per order: the decays of the last instant are reused
            var decayTicks = long.MinValue;
            double repeatDecay = 0, historyDecay = 0;
            foreach (ref readonly var e in history)
            {
                var i = _catalog.IndexOf(e.ProductId);
                if (i < 0)
                    continue;
                scratch.Touch(i, scratch.History, ScoringScratch.IN_HISTORY);
                var age = Math.Max(0, now - e.TimeUtc.Ticks);
                if (e.TimeUtc.Ticks != decayTicks)
                {
                    decayTicks = e.TimeUtc.Ticks;
                    repeatDecay = double.Exp2(age * repeatRate);
                    if (scoring.RepeatOrderHalfLife > 0)
                        repeatDecay *= double.Exp2(-OrdersAfter(scratch, decayTicks) / scoring.RepeatOrderHalfLife);
                    historyDecay = double.Exp2(age * historyRate);
                }
                switch (e.Type)
                {
                    case InteractionType.Purchase:
                        scratch.Slots[i].State |= ScoringScratch.PURCHASED | ScoringScratch.BOUGHT_SIGNAL;
                        if (season != null && e.TimeUtc.Ticks >= lastSeasonStart && e.TimeUtc.Ticks < lastSeasonEnd)
                            scratch.Slots[i].State |= ScoringScratch.LAST_SEASON;
                        var weight = repeatDecay;
                        if (scoring.RepeatQuantityExponent != 0 && e.Quantity > 1)
                            weight *= Math.Pow(e.Quantity, scoring.RepeatQuantityExponent);
                        scratch.Histories[i].Repeat += weight;
                        scratch.Histories[i].LastPurchaseTicks = Math.Max(scratch.Histories[i].LastPurchaseTicks, e.TimeUtc.Ticks);
                        scratch.Histories[i].CartClearTicks = Math.Max(scratch.Histories[i].CartClearTicks, e.TimeUtc.Ticks);
                        break;
                    case InteractionType.AddToCart:
                        scratch.Histories[i].CartAddTicks = Math.Max(scratch.Histories[i].CartAddTicks, e.TimeUtc.Ticks);
                        break;
                    case InteractionType.RemoveFromCart:
                        scratch.Histories[i].CartClearTicks = Math.Max(scratch.Histories[i].CartClearTicks, e.TimeUtc.Ticks);
                        break;
                }
                var w = weights[e.Type];
                if (w <= 0)
                    continue;
                var decayed = w * historyDecay;
                if (age <= session)
                    decayed *= scoring.SessionBoost;
                scratch.Histories[i].Affinity += decayed;
            }

            // spread each history product's share of the customer's interest over its neighbours
            double total = 0;
            double repeatTotal = 0;
            foreach (var i in scratch.History)
            {
                if (scratch.Histories[i].CartAddTicks > scratch.Histories[i].CartClearTicks)
                    scratch.Touch(i, scratch.Blocked, ScoringScratch.BLOCKED);
                if (scratch.Histories[i].Affinity > 0)
                {
                    // shaped once: the spread below divides the same value by the total
                    var shaped = Shape(scratch.Histories[i].Affinity, scoring.AffinityExponent);
                    scratch.Histories[i].Shaped = shaped;
                    total += shaped;
                }
                repeatTotal += scratch.Histories[i].Repeat;
            }
            if (total > 0)
            {
                var spread = scratch.History.Count;
                var limit = scoring.MaxSpreadProducts;
                if (limit > 0 && spread > limit)
                {
                    scratch.EnsureSpread(limit);
                    foreach (var i in scratch.History)
                    {
                        if (scratch.Histories[i].Affinity > 0)
                            scratch.Spread.Offer(i, scratch.Histories[i].Affinity);
                    }
                    spread = scratch.Spread.Drain(scratch.SpreadItems, scratch.SpreadScores);
                }
                else
                {
                    spread = 0;
                    scratch.EnsureSpread(scratch.History.Count);
                    foreach (var i in scratch.History)
                        scratch.SpreadItems[spread++] = i;
                }
                for (var s = 0; s < spread; s++)
                {
                    var i = scratch.SpreadItems[s];
                    var a = scratch.Histories[i].Affinity;
                    if (a <= 0)
                        continue;
                    var share = scratch.Histories[i].Shaped / total;
                    Spread(scratch, Snapshot.Similar, i, share * scoring.SimilarWeight, FROM_SIMILAR);
                    Spread(scratch, Snapshot.BoughtTogether, i, share * scoring.BoughtTogetherWeight, FROM_TOGETHER);
                    Spread(scratch, Snapshot.Sequential, i, share * scoring.SequentialWeight, FROM_SEQUENTIAL);
                }
            }

            // repeat propensity for products bought before
            if (repeatTotal > 0 && context.Purchased != PurchasedProducts.Exclude)
            {
                var repeat = Snapshot.Repeat;
                var normaliser = scoring.RepeatShareExponent == 1 ? repeatTotal : Math.Pow(repeatTotal, scoring.RepeatShareExponent);
                foreach (var i in scratch.History)
                {
                    if ((scratch.Slots[i].State & ScoringScratch.PURCHASED) == 0)
                        continue;
                    var propensity = scratch.Histories[i].Repeat / normaliser;
                    if (scoring.RepeatRecencyBoost != 0)
                        propensity *= 1 + scoring.RepeatRecencyBoost * double.Exp2(-(now - scratch.Histories[i].LastPurchaseTicks) / (scoring.RepeatRecencyHalfLifeDays * TimeSpan.TicksPerDay));
                    if (_repeatFactor != null)
                        propensity *= _repeatFactor[i];
                    if (repeat.IsReplenishable(i))
                        propensity *= 1 + scoring.ReplenishableBoost + scoring.DueBoost * Due(repeat.MedianIntervalDaysOf(i), now - scratch.Histories[i].LastPurchaseTicks);
                    if ((scratch.Slots[i].State & ScoringScratch.LAST_SEASON) != 0)
                        propensity *= 1 + scoring.SeasonalWeight;
                    scratch.Touch(i, scratch.Candidates, ScoringScratch.CANDIDATE);
                    scratch.Slots[i].Score += scoring.RepeatWeight * propensity;
                }
            }

            if (total == 0 && context.CategoryId != 0)
                AddCategoryPrior(scratch, context.CategoryId);
            AddTrendingPrior(scratch, scoring.PopularityWeight, total == 0 ? 1 : 0, season);

            if (_candidateFactor != null)
            {
                foreach (var j in scratch.Candidates)
                    scratch.Slots[j].Score *= _candidateFactor[j];
            }
            if (season != null)
            {
                foreach (var j in scratch.Candidates)
                    scratch.Slots[j].Score *= season.Weighted[j];
            }

            // what the customer bought is excluded unless the request allows it
            foreach (var i in scratch.History)
            {
                if ((scratch.Slots[i].State & ScoringScratch.PURCHASED) == 0)
                    continue;
                var drop = context.Purchased == PurchasedProducts.Exclude
                    || (context.Purchased == PurchasedProducts.ExcludeUnlessReplenishable && !Snapshot.Repeat.IsReplenishable(i));
                if (drop)
                    scratch.Slots[i].State |= ScoringScratch.BLOCKED;
            }
            if (context.Purchased == PurchasedProducts.Only)
            {
                foreach (var j in scratch.Candidates)
                {
                    if ((scratch.Slots[j].State & ScoringScratch.PURCHASED) == 0)
                        scratch.Slots[j].State |= ScoringScratch.BLOCKED;
                }
            }
            return Select(scratch, count, ReasonsForCustomer);
        }
        finally
        {
            Return(scratch);
        }
    }

    private static float[] CandidateFactors(ModelSnapshot snapshot, ScoringOptions scoring)
    {
        var popularity = snapshot.Popularity;
        var activity = scoring.ActivityExponent > 0 && popularity.MaxTrending > 0;
        if (!activity && scoring.MomentumExponent == 0)
            return null;
        var factors = new float[snapshot.Catalog.Count];
        for (var j = 0; j < factors.Length; j++)
        {
            var factor = 1.0;
            if (activity)
                factor *= Math.Pow(scoring.ActivityFloor + popularity.TrendingOf(j) / (double)popularity.MaxTrending, scoring.ActivityExponent);
            if (scoring.MomentumExponent != 0)
                factor *= Math.Pow(Math.Clamp(popularity.MomentumOf(j), 0.1, 10), scoring.MomentumExponent);
            factors[j] = (float)factor;
        }
        return factors;
    }

    private static float[] RepeatFactors(ModelSnapshot snapshot, ScoringOptions scoring)
    {
        if (scoring.RepeatRateExponent == 0)
            return null;
        var factors = new float[snapshot.Catalog.Count];
        for (var j = 0; j < factors.Length; j++)
            factors[j] = (float)Math.Pow(snapshot.Repeat.RepeatRateOf(j) + 0.02, scoring.RepeatRateExponent);
        return factors;
    }

    /// <summary>The distinct purchase orders of the history (order id, or the instant when there is none), sorted by time.</summary>
    private static void CollectOrders(ScoringScratch scratch, ReadOnlySpan<Interaction> history)
    {
        // an order's lines usually follow each other: a repeat of the previous key needs no hashing
        var previous = 0L;
        var any = false;
        foreach (ref readonly var e in history)
        {
            if (e.Type != InteractionType.Purchase)
                continue;
            var key = e.OrderId != 0 ? e.OrderId : -1 - e.TimeUtc.Ticks;
            if (any && key == previous)
                continue;
            any = true;
            previous = key;
            if (scratch.OrderKeys.Add(key))
                scratch.OrderTicks.Add(e.TimeUtc.Ticks);
        }
        scratch.OrderTicks.Sort();
    }

    /// <summary>How many of the customer's orders came strictly after the instant.</summary>
    private static int OrdersAfter(ScoringScratch scratch, long ticks)
    {
        var list = scratch.OrderTicks;
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid] <= ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        return list.Count - lo;
    }

    private IReadOnlyList<Recommendation> FromTables(int productId, int count, IReadOnlyCollection<int> excluded, byte kind, bool contentFallback)
    {
        if (count <= 0)
            return Array.Empty<Recommendation>();
        var i = _catalog.IndexOf(productId);
        if (i < 0)
            return Array.Empty<Recommendation>();
        var scratch = Rent();
        try
        {
            Block(scratch, excluded);
            scratch.Touch(i, scratch.Blocked, ScoringScratch.BLOCKED);
            var table = kind == FROM_SIMILAR ? Snapshot.Similar : kind == FROM_TOGETHER ? Snapshot.BoughtTogether : Snapshot.Sequential;
            Spread(scratch, table, i, 1, kind);
            if (contentFallback && table.CountOf(i) < count)
            {
                var weight = table.CountOf(i) == 0 ? 1 : 1e-6;
                AddContent(scratch, productId, _catalog.CategoriesOf(i), _catalog.ManufacturerOf(i), _catalog.PriceBandOf(i), weight);
            }
            return Select(scratch, count, contentFallback ? ReasonsForNeighboursOrContent : ReasonsForNeighbours);
        }
        finally
        {
            Return(scratch);
        }
    }

    private static void Spread(ScoringScratch scratch, NeighbourTable table, int source, double weight, byte kind)
    {
        if (weight <= 0)
            return;
        var neighbours = table.NeighboursOf(source);
        var scores = table.ScoresOf(source);
        var slots = scratch.Slots;
        // new candidates are written straight into the list's storage (room made once per row, not checked per add)
        var candidates = scratch.Candidates;
        var added = candidates.Count;
        CollectionsMarshal.SetCount(candidates, added + neighbours.Length);
        var storage = CollectionsMarshal.AsSpan(candidates);
        for (var r = 0; r < neighbours.Length; r++)
        {
            var j = neighbours[r];
            var contribution = weight * scores[r];
            ref var slot = ref slots[j];
            if ((slot.State & ScoringScratch.CANDIDATE) == 0)
            {
                slot.State |= ScoringScratch.CANDIDATE;
                storage[added++] = j;
            }
            slot.Score += contribution;
            if (contribution > slot.BestContribution)
            {
                slot.BestContribution = contribution;
                slot.BestSource = source;
                slot.BestKind = kind;
            }
        }
        CollectionsMarshal.SetCount(candidates, added);
    }

    private void AddContent(ScoringScratch scratch, int productId, ReadOnlySpan<int> categories, int manufacturerId, int priceBand, double weight)
    {
        if (categories.Length == 0)
            return;
        var max = Math.Max(_popularity.MaxTrending, 1e-9f);
        foreach (var category in categories)
        {
            foreach (var j in _popularity.TopInCategory(category))
            {
                var fresh = (scratch.Slots[j].State & ScoringScratch.CANDIDATE) == 0;
                scratch.Touch(j, scratch.Candidates, ScoringScratch.CANDIDATE);
                var contribution = weight / categories.Length;
                if (fresh)
                {
                    if (manufacturerId != 0 && _catalog.ManufacturerOf(j) == manufacturerId)
                        contribution += 0.5 * weight;
                    if (priceBand >= 0 && _catalog.PriceBandOf(j) == priceBand)
                        contribution += 0.25 * weight;
                    contribution += 0.1 * weight * _popularity.TrendingOf(j) / max;
                }
                scratch.Slots[j].Score += contribution;
                // a neighbour reason, when there is one, explains better than shared content
                if (scratch.Slots[j].BestKind == 0)
                    scratch.Slots[j].BestSource = productId;
            }
        }
    }

    /// <param name="season">With a seasonal index: what is expected to sell most this season joins the candidates and
    /// the prior adds its seasonal part (the index itself multiplies every candidate afterwards).</param>
    private void AddTrendingPrior(ScoringScratch scratch, double weight, double coldWeight, SeasonFactors season = null)
    {
        var max = _popularity.MaxTrending;
        if (max <= 0)
            return;
        var top = _popularity.TopInStore();
        var n = Math.Min(top.Length, TRENDING_CANDIDATES);
        for (var r = 0; r < n; r++)
            scratch.Touch(top[r], scratch.Candidates, ScoringScratch.CANDIDATE);
        if (season != null)
        {
            var inSeason = season.InSeason;
            for (var r = 0; r < Math.Min(inSeason.Length, TRENDING_CANDIDATES); r++)
                scratch.Touch(inSeason[r], scratch.Candidates, ScoringScratch.CANDIDATE);
        }
        if (weight + coldWeight <= 0)
            return;
        foreach (var j in scratch.Candidates)
        {
            var trending = _popularity.TrendingOf(j) + (season == null ? 0 : Scoring.SeasonalWeight * max * season.Expected[j]);
            scratch.Slots[j].Score += (weight + coldWeight) * trending / max;
        }
    }

    private void AddCategoryPrior(ScoringScratch scratch, int categoryId)
    {
        var max = _popularity.MaxTrending;
        if (max <= 0)
            return;
        foreach (var j in _popularity.TopInCategory(categoryId))
        {
            scratch.Touch(j, scratch.Candidates, ScoringScratch.CANDIDATE);
            scratch.Slots[j].Score += 1 + _popularity.TrendingOf(j) / max;
            if (scratch.Slots[j].BestKind == 0)
                scratch.Slots[j].BestSource = categoryId;
        }
    }

    private IReadOnlyList<Recommendation> Select(ScoringScratch scratch, int count, Func<ScoringScratch, int, Reason[]> reasons)
    {
        scratch.EnsureTop(count);
        foreach (var j in scratch.Candidates)
        {
            if ((scratch.Slots[j].State & ScoringScratch.BLOCKED) != 0 || !_catalog.IsAvailable(j))
                continue;
            var score = scratch.Slots[j].Score;
            if (score > 0 && double.IsFinite(score))
                scratch.Top.Offer(j, score);
        }
        var n = scratch.Top.Drain(scratch.TopItems, scratch.TopScores);
        if (n == 0)
            return Array.Empty<Recommendation>();
        var result = new Recommendation[n];
        for (var r = 0; r < n; r++)
        {
            var j = scratch.TopItems[r];
            result[r] = new Recommendation(_catalog.ProductIdAt(j), scratch.TopScores[r], reasons(scratch, j));
        }
        return result;
    }

    private Reason[] ReasonsForNeighbours(ScoringScratch scratch, int j)
    {
        var kind = scratch.Slots[j].BestKind;
        if (kind == 0)
            return TrendingReason(j);
        return new[] { NeighbourReason(kind, scratch.Slots[j].BestSource, j, false, false) };
    }

    private Reason[] ReasonsForNeighboursOrContent(ScoringScratch scratch, int j)
    {
        return scratch.Slots[j].BestKind == 0 ? ReasonsForContent(scratch, j) : ReasonsForNeighbours(scratch, j);
    }

    private Reason[] ReasonsForContent(ScoringScratch scratch, int j)
    {
        var source = scratch.Slots[j].BestSource;
        var sourceIndex = _catalog.IndexOf(source);
        var shared = 0;
        foreach (var c in _catalog.CategoriesOf(j))
        {
            if (sourceIndex < 0 || _catalog.CategoriesOf(sourceIndex).Contains(c))
            {
                shared = c;
                break;
            }
        }
        var manufacturer = _catalog.ManufacturerOf(j);
        if (manufacturer != 0 && sourceIndex >= 0 && _catalog.ManufacturerOf(sourceIndex) == manufacturer)
            return new[] { new Reason(ReasonKind.SameCategory, source, shared), new Reason(ReasonKind.SameManufacturer, source, 0, manufacturer) };
        return new[] { new Reason(ReasonKind.SameCategory, source, shared) };
    }

    private Reason[] ReasonsForCustomer(ScoringScratch scratch, int j)
    {
        var state = scratch.Slots[j].State;
        var hasNeighbour = scratch.Slots[j].BestKind != 0;
        var purchased = (state & ScoringScratch.PURCHASED) != 0;
        var count = (hasNeighbour ? 1 : 0) + (purchased ? 1 : 0);
        if (count == 0)
        {
            var categoryReason = scratch.Slots[j].BestSource != 0 && _catalog.CategoriesOf(j).Contains(scratch.Slots[j].BestSource);
            return categoryReason ? new[] { new Reason(ReasonKind.TrendingInCategory, 0, scratch.Slots[j].BestSource) } : TrendingReason(j);
        }
        var reasons = new Reason[count];
        var k = 0;
        Reason repeatReason = default;
        if (purchased)
        {
            var repeat = Snapshot.Repeat;
            repeatReason = repeat.IsReplenishable(j)
                ? new Reason(ReasonKind.DueForReorder, _catalog.ProductIdAt(j), 0, 0, (float)repeat.MedianIntervalDaysOf(j))
                : new Reason(ReasonKind.BoughtBefore, _catalog.ProductIdAt(j));
        }
        // strongest first: the repeat share against the best single neighbour contribution
        var repeatFirst = purchased && (!hasNeighbour || scratch.Slots[j].Score - scratch.Slots[j].BestContribution >= scratch.Slots[j].BestContribution);
        if (repeatFirst)
            reasons[k++] = repeatReason;
        if (hasNeighbour)
        {
            var source = scratch.Slots[j].BestSource;
            reasons[k++] = NeighbourReason(scratch.Slots[j].BestKind, source, j, true, (scratch.Slots[source].State & ScoringScratch.BOUGHT_SIGNAL) != 0);
        }
        if (purchased && !repeatFirst)
            reasons[k] = repeatReason;
        return reasons;
    }

    private Reason NeighbourReason(byte kind, int source, int target, bool personal, bool sourceBought)
    {
        var sourceId = _catalog.ProductIdAt(source);
        if (personal)
            return new Reason(sourceBought ? ReasonKind.BecauseYouBought : ReasonKind.BecauseYouViewed, sourceId);
        switch (kind)
        {
            case FROM_TOGETHER:
                return new Reason(ReasonKind.BoughtWith, sourceId);
            case FROM_SEQUENTIAL:
                return new Reason(ReasonKind.BoughtAfter, sourceId, 0, 0, LagOf(source, target));
            default:
                return new Reason(ReasonKind.SimilarTo, sourceId);
        }
    }

    private float LagOf(int source, int target)
    {
        var neighbours = Snapshot.Sequential.NeighboursOf(source);
        var lags = Snapshot.Sequential.LagDaysOf(source);
        for (var r = 0; r < neighbours.Length; r++)
        {
            if (neighbours[r] == target)
                return lags.IsEmpty ? 0 : lags[r];
        }
        return 0;
    }

    private Reason[] TrendingReason(int j)
    {
        var categories = _catalog.CategoriesOf(j);
        return categories.Length > 0
            ? new[] { new Reason(ReasonKind.TrendingInCategory, 0, categories[0]) }
            : new[] { new Reason(ReasonKind.Trending) };
    }

    private Reason[] ReasonsForTrending(int category, int item, SeasonFactors season)
    {
        var main = category == 0 ? new Reason(ReasonKind.Trending) : new Reason(ReasonKind.TrendingInCategory, 0, category);
        return season != null && season.Index[item] >= Scoring.InSeasonIndex ? new[] { main, SeasonalReason(item, season) } : new[] { main };
    }

    private Reason SeasonalReason(int item, SeasonFactors season)
    {
        var categories = _catalog.CategoriesOf(item);
        return new Reason(ReasonKind.Seasonal, _catalog.ProductIdAt(item), categories.Length > 0 ? categories[0] : 0, 0, season.Index[item]);
    }

    /// <summary>1 when the usual interval has elapsed, falling off smoothly before it.</summary>
    private static double Due(double intervalDays, long sinceTicks)
    {
        if (intervalDays <= 0)
            return 0;
        var ratio = sinceTicks / (intervalDays * TimeSpan.TicksPerDay);
        return ratio >= 1 ? 1 : ratio * ratio;
    }

    private static double Shape(double affinity, double exponent)
    {
        return exponent == 1 ? affinity : Math.Pow(affinity, exponent);
    }

    private void Block(ScoringScratch scratch, IEnumerable<int> productIds)
    {
        if (productIds == null)
            return;
        foreach (var productId in productIds)
        {
            var i = _catalog.IndexOf(productId);
            if (i >= 0)
                scratch.Touch(i, scratch.Blocked, ScoringScratch.BLOCKED);
        }
    }

    private ScoringScratch Rent()
    {
        return _pool.TryTake(out var scratch) ? scratch : new ScoringScratch(_catalog.Count, _denseLimit);
    }

    private void Return(ScoringScratch scratch)
    {
        scratch.Clear();
        _pool.Add(scratch);
    }
}
