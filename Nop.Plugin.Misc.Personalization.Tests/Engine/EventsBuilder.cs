using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

/// <summary>Builds small hand-made event logs for engine tests.</summary>
internal sealed class EventsBuilder
{
    public static readonly DateTime Now = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly List<Interaction> _events = new();
    private int _nextOrder = 1000;

    public int Store { get; set; } = 1;

    public IReadOnlyList<Interaction> Events => _events;

    public EventsBuilder Order(int customer, double daysAgo, params int[] products)
    {
        var order = _nextOrder++;
        foreach (var p in products)
            _events.Add(new Interaction(Store, customer, p, InteractionType.Purchase, Now.AddDays(-daysAgo), 1, 10m, order));
        return this;
    }

    public EventsBuilder View(int customer, double daysAgo, params int[] products)
    {
        foreach (var p in products)
            _events.Add(new Interaction(Store, customer, p, InteractionType.View, Now.AddDays(-daysAgo)));
        return this;
    }

    public EventsBuilder Add(Interaction interaction)
    {
        _events.Add(interaction);
        return this;
    }

    public static Interaction Purchase(int customer, int product, double daysAgo, int order = 1, int store = 1)
    {
        return new Interaction(store, customer, product, InteractionType.Purchase, Now.AddDays(-daysAgo), 1, 10m, order);
    }

    public static Interaction Viewed(int customer, int product, double daysAgo, int store = 1)
    {
        return new Interaction(store, customer, product, InteractionType.View, Now.AddDays(-daysAgo));
    }

    public static ProductFacts Facts(int product, int category, int manufacturer = 0, decimal price = 10m, bool published = true, bool inStock = true)
    {
        return new ProductFacts(product, new[] { category }, manufacturer, price, published, inStock, Now.AddDays(-100));
    }
}
