using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

/// <summary>Repeat statistics against a plain restatement of their definition on random logs (several lines a day, views).</summary>
[TestFixture]
public class RepeatStatsReferenceTests
{
    private const int PRODUCTS = 12;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void MatchTheDefinitionOnRandomLogs(int seed)
    {
        var random = new Random(seed);
        var events = new List<Interaction>();
        for (var customer = 1; customer <= 50; customer++)
        {
            var hours = random.Next(0, 24 * 30);
            for (var l = random.Next(1, 25); l > 0; l--)
            {
                hours += random.Next(3) == 0 ? 0 : random.Next(1, 24 * 20);
                var time = EventsBuilder.Now.AddDays(-400).AddHours(hours);
                var product = 1 + random.Next(PRODUCTS);
                events.Add(new Interaction(1, customer, product, InteractionType.Purchase, time, 1, 10m, 100 + l));
                if (random.Next(4) == 0)
                    events.Add(new Interaction(1, customer, 1 + random.Next(PRODUCTS), InteractionType.View, time));
            }
        }
        events = events.OrderBy(_ => random.Next()).ToList();
        var options = new TrainingOptions { MinRepeatBuyers = 2, MinRepeatRate = 0.2 };
        var snapshot = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);

        var withIntervals = 0;
        for (var product = 1; product <= PRODUCTS; product++)
        {
            var i = snapshot.Catalog.IndexOf(product);
            if (i < 0)
                continue;
            var daysByCustomer = events
                .Where(e => e.ProductId == product && e.Type == InteractionType.Purchase)
                .GroupBy(e => e.CustomerId)
                .Select(g => g.Select(e => e.TimeUtc.Ticks / TimeSpan.TicksPerDay).Distinct().Order().ToList())
                .ToList();
            var buyers = daysByCustomer.Count;
            var repeaters = daysByCustomer.Count(d => d.Count >= 2);
            var intervals = daysByCustomer.SelectMany(d => d.Skip(1).Select((day, k) => (float)(day - d[k]))).Order().ToList();
            var median = intervals.Count == 0 ? 0f
                : intervals.Count % 2 == 1 ? intervals[intervals.Count / 2]
                : (intervals[intervals.Count / 2 - 1] + intervals[intervals.Count / 2]) / 2f;
            var rate = buyers == 0 ? 0f : repeaters / (float)buyers;

            snapshot.Repeat.RepeatBuyersOf(i).Should().Be(repeaters, $"product {product}");
            snapshot.Repeat.RepeatRateOf(i).Should().Be(rate, $"product {product}");
            snapshot.Repeat.MedianIntervalDaysOf(i).Should().Be(median, $"product {product}");
            snapshot.Repeat.IsReplenishable(i).Should().Be(repeaters >= 2 && rate >= 0.2, $"product {product}");
            withIntervals += intervals.Count > 0 ? 1 : 0;
        }
        withIntervals.Should().BeGreaterThan(3, "the random log must repeat some purchases");
    }
}
