using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

/// <summary>
/// The sequential model against a plain restatement of its definition on random logs with the awkward cases: rebuys,
/// several orders at one instant, orders whose lines span instants, views in between, the scan cap and the window.
/// </summary>
[TestFixture]
public class SequentialReferenceTests
{
    private const int PRODUCTS = 14;
    private const double WINDOW_DAYS = 20;
    private const int MAX_SCAN = 6;
    private const int K = 4;

    [TestCase(1, 0.0)]
    [TestCase(2, 0.0)]
    [TestCase(3, 30.0)]
    [TestCase(4, 30.0)]
    [TestCase(5, 0.0)]
    public void MatchesTheDefinitionOnRandomLogs(int seed, double halfLifeDays)
    {
        var events = RandomLog(seed);
        var model = new NeighbourOptions { Measure = SimilarityMeasure.Cosine, MinSupport = 2, HalfLifeDays = halfLifeDays };
        var options = new TrainingOptions
        {
            Sequential = model,
            SequentialWindowDays = WINDOW_DAYS,
            MaxProductsPerCustomer = MAX_SCAN,
            NeighbourCount = K
        };
        var snapshot = EngineTrainer.Train(events, Array.Empty<ProductFacts>(), options, EventsBuilder.Now);
        var expected = Reference(events, model);

        var rows = 0;
        for (var a = 1; a <= PRODUCTS; a++)
        {
            var i = snapshot.Catalog.IndexOf(a);
            if (i < 0)
                continue;
            var want = expected.TryGetValue(a, out var list) ? list : new List<(int B, double Score, int Count, float Lag)>();
            var neighbours = snapshot.Sequential.NeighboursOf(i);
            neighbours.Length.Should().Be(want.Count, $"row of product {a}");
            for (var r = 0; r < want.Count; r++)
            {
                snapshot.Catalog.ProductIdAt(neighbours[r]).Should().Be(want[r].B, $"rank {r} of product {a}");
                snapshot.Sequential.ScoresOf(i)[r].Should().Be((float)want[r].Score);
                snapshot.Sequential.SupportOf(i)[r].Should().Be(want[r].Count);
                snapshot.Sequential.LagDaysOf(i)[r].Should().Be(want[r].Lag);
            }
            rows += want.Count > 0 ? 1 : 0;
        }
        rows.Should().BeGreaterThan(3, "the random log must produce some sequential rows to compare");
    }

    private static List<Interaction> RandomLog(int seed)
    {
        var random = new Random(seed);
        var events = new List<Interaction>();
        var orderId = 100;
        for (var customer = 1; customer <= 40; customer++)
        {
            var day = random.Next(0, 30);
            var orders = random.Next(1, 9);
            for (var o = 0; o < orders; o++)
            {
                // sometimes two orders at one instant, sometimes no order id, sometimes an order spanning two instants
                if (random.Next(4) != 0)
                    day += random.Next(1, 12);
                var order = random.Next(6) == 0 ? 0 : orderId++;
                var lines = random.Next(1, 5);
                for (var l = 0; l < lines; l++)
                {
                    var lineDay = random.Next(8) == 0 ? day + 1 : day;
                    var product = 1 + (int)(PRODUCTS * Math.Pow(random.NextDouble(), 1.5));
                    var time = EventsBuilder.Now.AddDays(-200 + lineDay);
                    events.Add(new Interaction(1, customer, product, InteractionType.Purchase, time, 1, 10m, order));
                    if (random.Next(3) == 0)
                        events.Add(new Interaction(1, customer, 1 + random.Next(PRODUCTS), InteractionType.View, time.AddHours(-1)));
                }
            }
        }
        // the trainer must not depend on the caller's order
        return events.OrderBy(_ => random.Next()).ToList();
    }

    private static Dictionary<int, List<(int B, double Score, int Count, float Lag)>> Reference(List<Interaction> events, NeighbourOptions model)
    {
        var now = EventsBuilder.Now.Ticks;
        var window = (long)(WINDOW_DAYS * TimeSpan.TicksPerDay);
        var counts = new Dictionary<(int A, int B), int>();
        var weighted = new Dictionary<(int A, int B), double>();
        var lags = new Dictionary<(int A, int B), List<float>>();
        var buyers = new Dictionary<int, int>();
        foreach (var customer in events.Select(e => e.CustomerId).Distinct().Order())
        {
            var purchases = events
                .Where(e => e.CustomerId == customer && e.Type == InteractionType.Purchase)
                .OrderBy(e => e.TimeUtc).ThenBy(e => e.ProductId).ThenBy(e => e.OrderId)
                .ToList();
            var seen = new HashSet<int>();
            for (var p = 0; p < purchases.Count; p++)
            {
                var a = purchases[p].ProductId;
                if (!seen.Add(a))
                    continue;
                buyers[a] = buyers.GetValueOrDefault(a) + 1;
                var start = purchases[p].TimeUtc.Ticks;
                var w = model.HalfLifeDays > 0 ? Math.Pow(2, -(now - start) / (model.HalfLifeDays * TimeSpan.TicksPerDay)) : 1;
                var counted = new HashSet<int>();
                for (var q = p + 1; q < Math.Min(purchases.Count, p + 1 + MAX_SCAN); q++)
                {
                    var later = purchases[q];
                    if (later.TimeUtc.Ticks == start)
                        continue;
                    if (later.TimeUtc.Ticks > start + window)
                        break;
                    var b = later.ProductId;
                    if (b == a || (purchases[p].OrderId != 0 && later.OrderId == purchases[p].OrderId) || !counted.Add(b))
                        continue;
                    counts[(a, b)] = counts.GetValueOrDefault((a, b)) + 1;
                    weighted[(a, b)] = weighted.GetValueOrDefault((a, b)) + w;
                    if (!lags.TryGetValue((a, b), out var list))
                        lags[(a, b)] = list = new List<float>();
                    list.Add((float)((later.TimeUtc.Ticks - start) / (double)TimeSpan.TicksPerDay));
                }
            }
        }

        var result = new Dictionary<int, List<(int, double, int, float)>>();
        foreach (var group in counts.Where(c => c.Value >= model.MinSupport).GroupBy(c => c.Key.A))
        {
            var a = group.Key;
            result[a] = group
                .Select(c => (B: c.Key.B, Score: weighted[c.Key] / (Math.Pow(buyers[a], 0.5) * Math.Pow(buyers[c.Key.B], 0.5)), Count: c.Value, Lag: Median(lags[c.Key])))
                .OrderByDescending(x => x.Score).ThenBy(x => x.B)
                .Take(K)
                .Select(x => (x.B, x.Score, x.Count, x.Lag))
                .ToList();
        }
        return result;
    }

    private static float Median(List<float> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2f;
    }
}
