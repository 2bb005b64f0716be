using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Synthetic;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

internal static class SyntheticEvents
{
    /// <summary>A small seeded funnel ending just before <see cref="EventsBuilder.Now"/>.</summary>
    public static IReadOnlyList<Interaction> Generate(int products, int customers, int events, int seed)
    {
        var options = new SyntheticFunnelOptions
        {
            Products = products,
            ProductsPerCategory = 20,
            Customers = customers,
            Events = events,
            Seed = seed,
            Start = EventsBuilder.Now.AddDays(-120),
            End = EventsBuilder.Now.AddDays(-1)
        };
        return new SyntheticFunnel(options).Events().ToList();
    }
}
