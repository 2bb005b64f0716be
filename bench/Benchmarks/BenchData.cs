using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Snapshots;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Benchmarks;

/// <summary>A seeded synthetic shop (100,000 products) trained once and round-tripped through the snapshot format.</summary>
public static class BenchData
{
    public const int PRODUCTS = 100_000;

    public static SyntheticFunnelOptions Funnel(long events)
    {
        return new SyntheticFunnelOptions { Products = PRODUCTS, Customers = 100_000, Events = events, Seed = 42 };
    }

    public static (byte[] Bytes, ModelSnapshot Loaded, Interaction[] History) Build(long events)
    {
        var funnel = new SyntheticFunnel(Funnel(events));
        var snapshot = EngineTrainer.Train(funnel.Events(), funnel.Products(), new TrainingOptions(), Funnel(events).End);
        var bytes = SnapshotSerializer.Serialize(snapshot);
        return (bytes, SnapshotSerializer.Deserialize(bytes), History(funnel, 200));
    }

    /// <summary>A customer with <paramref name="count"/> events: a stretch of the funnel's sessions given to one customer.</summary>
    public static Interaction[] History(SyntheticFunnel funnel, int count)
    {
        return funnel.Events().Skip(100_000).Take(count).Select(e => e with { CustomerId = -1 }).ToArray();
    }
}
