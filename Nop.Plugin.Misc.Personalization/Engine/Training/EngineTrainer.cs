using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Engine.Training;

/// <summary>
/// Trains immutable model snapshots from interactions and catalog facts. Pure and deterministic: the same events (in any
/// order), facts, options and instant give the same snapshot.
/// </summary>
public static class EngineTrainer
{
    /// <summary>
    /// Trains the snapshot of <see cref="TrainingOptions.StoreId"/> (0 = every store pooled). For a store, its own
    /// neighbour statistics are blended with the installation-wide ones computed from all <paramref name="interactions"/>.
    /// </summary>
    public static ModelSnapshot Train(IEnumerable<Interaction> interactions, IReadOnlyList<ProductFacts> products, TrainingOptions options, DateTime nowUtc)
    {
        Validate(options);
        var events = EventColumns.From(interactions, nowUtc);
        var catalog = CatalogBuilder.Build(events, products);
        var global = options.StoreId != 0 && events.DistinctStores().Length > 1 ? BuildTables(TrainingData.Build(events, catalog, 0, options.Weights, identifiedOnly: true), options, nowUtc) : null;
        // the last reader of the events: the training data may take their columns over
        return TrainStore(events, catalog, options.StoreId, global, options, nowUtc, consumeEvents: true);
    }

    /// <summary>One snapshot per store present in the events, all sharing one installation-wide computation.</summary>
    public static IReadOnlyDictionary<int, ModelSnapshot> TrainStores(IEnumerable<Interaction> interactions, IReadOnlyList<ProductFacts> products, TrainingOptions options, DateTime nowUtc)
    {
        Validate(options);
        var events = EventColumns.From(interactions, nowUtc);
        var catalog = CatalogBuilder.Build(events, products);
        var stores = events.DistinctStores();
        var global = stores.Length > 1 ? BuildTables(TrainingData.Build(events, catalog, 0, options.Weights, identifiedOnly: true), options, nowUtc) : null;
        var result = new SortedDictionary<int, ModelSnapshot>();
        foreach (var store in stores)
            result[store] = TrainStore(events, catalog, store, global, options with { StoreId = store }, nowUtc);
        return result;
    }

    private static ModelSnapshot TrainStore(EventColumns events, ItemCatalog catalog, int storeId, Tables global, TrainingOptions options, DateTime nowUtc, bool consumeEvents = false)
    {
        // anonymous events (customer 0) feed only the aggregates (trending, seasonality); everything personal
        // (neighbours, sequences, repeat purchases) is learned from identified customers' histories
        var identified = events.HasAnonymous(storeId) ? TrainingData.Build(events, catalog, storeId, options.Weights, identifiedOnly: true) : null;
        var data = TrainingData.Build(events, catalog, storeId, options.Weights, consumeEvents);
        identified ??= data;
        // the per-product statistics are independent of the neighbour tables: with spare threads they are built
        // alongside (each is a pure function of the data, so the snapshot does not depend on it)
        var side = options.Parallelism > 1
            ? Task.Run(() => BuildStatistics(data, identified, catalog, options, nowUtc))
            : null;
        var tables = BuildTables(identified, options, nowUtc);
        var (popularity, seasonal, repeat) = side?.GetAwaiter().GetResult() ?? BuildStatistics(data, identified, catalog, options, nowUtc);
        if (storeId != 0 && global != null)
        {
            var k = options.NeighbourCount;
            tables = new Tables(
                CollectiveBlender.Blend(tables.Similar, global.Similar, tables.SimilarSupport, options.ShrinkageStrength, k),
                tables.SimilarSupport,
                CollectiveBlender.Blend(tables.BoughtTogether, global.BoughtTogether, tables.OrderSupport, options.ShrinkageStrength, k),
                tables.OrderSupport,
                CollectiveBlender.Blend(tables.Sequential, global.Sequential, tables.SimilarSupport, options.ShrinkageStrength, k));
        }
        return new ModelSnapshot(
            storeId,
            nowUtc,
            data.EventCount,
            options.Weights,
            options.Scoring,
            catalog,
            tables.Similar,
            tables.BoughtTogether,
            tables.Sequential,
            popularity,
            seasonal,
            repeat);
    }

    private static (PopularityModel, SeasonalIndex, RepeatStats) BuildStatistics(TrainingData data, TrainingData identified, ItemCatalog catalog, TrainingOptions options, DateTime nowUtc)
    {
        return (PopularityBuilder.Build(data, catalog, options, nowUtc), SeasonalityBuilder.Build(data, catalog, options.Seasonal, nowUtc), RepeatStatsBuilder.Build(identified, options));
    }

    private static Tables BuildTables(TrainingData data, TrainingOptions options, DateTime nowUtc)
    {
        var k = options.NeighbourCount;
        // with spare threads, the orders are grouped while the customer interests are collected and counted
        var orderGroups = options.Parallelism > 1 ? Task.Run(() => ItemGroups.Orders(data)) : null;
        var interests = ItemGroups.CustomerInterests(data, options.MaxProductsPerCustomer, options.CustomerWindowDays);
        var similar = CooccurrenceBuilder.Build(interests, data.ItemCount, options.Similar, k, options.Parallelism, nowUtc, out var similarSupport);
        var orders = orderGroups?.GetAwaiter().GetResult() ?? ItemGroups.Orders(data);
        var together = CooccurrenceBuilder.Build(orders, data.ItemCount, options.BoughtTogether, k, options.Parallelism, nowUtc, out var orderSupport);
        var sequential = SequentialBuilder.Build(data, options, nowUtc);
        return new Tables(similar, similarSupport, together, orderSupport, sequential);
    }

    private static void Validate(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NeighbourCount < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "NeighbourCount must be at least 1");
        // "is null", not "== null": a record's == calls its generated Equals, which would be compiled for nothing
        if (options.Similar is null || options.BoughtTogether is null || options.Sequential is null || options.Scoring is null || options.Weights is null)
            throw new ArgumentNullException(nameof(options), "Model options must be set");
        if (options.Similar.MinSupport < 1 || options.BoughtTogether.MinSupport < 1 || options.Sequential.MinSupport < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MinSupport must be at least 1");
        if (!(options.TrendingHalfLifeDays > 0) || !(options.LongTrendingHalfLifeDays > 0) || !(options.Scoring.HistoryHalfLifeDays > 0) || !(options.Scoring.RepeatHalfLifeDays > 0))
            throw new ArgumentOutOfRangeException(nameof(options), "Half-lives must be positive");
        if (options.SequentialWindowDays < 0 || options.MaxProductsPerCustomer < 1 || options.TrendingListSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Windows and list sizes must be positive");
    }

    private sealed record Tables(NeighbourTable Similar, int[] SimilarSupport, NeighbourTable BoughtTogether, int[] OrderSupport, NeighbourTable Sequential);
}
