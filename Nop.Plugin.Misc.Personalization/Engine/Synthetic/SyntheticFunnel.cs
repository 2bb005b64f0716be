using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Synthetic;

/// <summary>
/// A seeded synthetic shop for tests, benchmarks and demos: products in categories with Zipf popularity, customers with
/// Zipf activity, sessions that view products of one category, add some to the cart and buy some of those in one order.
/// Streams its events in time order; the same settings always give the same events.
/// </summary>
public sealed class SyntheticFunnel
{
    private readonly SyntheticFunnelOptions _options;
    private readonly double[] _categoryCdf;
    private readonly double[] _rankCdf;
    private readonly double[] _customerCdf;
    private readonly int _categoryCount;

    public SyntheticFunnel(SyntheticFunnelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _categoryCount = Math.Max(1, options.Products / options.ProductsPerCategory);
        _categoryCdf = ZipfCdf(_categoryCount, 0.9);
        _rankCdf = ZipfCdf(options.ProductsPerCategory, 1.0);
        _customerCdf = ZipfCdf(options.Customers, 0.7);
    }

    public IReadOnlyList<ProductFacts> Products()
    {
        var random = new Random(_options.Seed ^ 0x5eed);
        var facts = new ProductFacts[_categoryCount * _options.ProductsPerCategory];
        for (var p = 0; p < facts.Length; p++)
        {
            var category = p / _options.ProductsPerCategory + 1;
            var price = Math.Round((decimal)(2 + random.NextDouble() * 98), 2);
            facts[p] = new ProductFacts(p + 1, new[] { category }, 1 + random.Next(200), price, true, random.NextDouble() > 0.02, _options.Start);
        }
        return facts;
    }

    public IEnumerable<Interaction> Events()
    {
        var random = new Random(_options.Seed);
        var span = (_options.End - _options.Start).Ticks;
        var produced = 0L;
        var order = 0;
        var sessions = 0L;
        var viewed = new List<int>(16);
        while (produced < _options.Events)
        {
            // sessions are spread evenly over the period, in time order
            var start = _options.Start.AddTicks((long)(span * Math.Min(1.0, (double)produced / _options.Events)));
            sessions++;
            var customer = Sample(_customerCdf, random) + 1;
            var category = Sample(_categoryCdf, random);
            var seasonal = false;
            if (_options.Seasons.Count > 0)
                (category, seasonal) = SeasonalCategory(category, start, random);
            var views = 1 + random.Next(8);
            var time = start;
            viewed.Clear();
            for (var v = 0; v < views && produced < _options.Events; v++)
            {
                var c = random.NextDouble() < 0.15 ? (category + 1 + random.Next(3)) % _categoryCount : category;
                // a seasonal session stays in its category, so the season shows nowhere else
                if (seasonal || (_options.Seasons.Count > 0 && OutOfSeason(c, start)))
                    c = category;
                var product = c * _options.ProductsPerCategory + Sample(_rankCdf, random) + 1;
                time = time.AddSeconds(20 + random.Next(120));
                viewed.Add(product);
                produced++;
                yield return new Interaction(_options.StoreId, customer, product, InteractionType.View, time);
            }
            var orderId = 0;
            foreach (var product in viewed)
            {
                if (produced >= _options.Events || random.NextDouble() >= 0.25)
                    continue;
                time = time.AddSeconds(10 + random.Next(60));
                produced++;
                yield return new Interaction(_options.StoreId, customer, product, InteractionType.AddToCart, time);
                if (produced >= _options.Events || random.NextDouble() >= 0.5)
                    continue;
                if (orderId == 0)
                    orderId = ++order;
                produced++;
                yield return new Interaction(_options.StoreId, customer, product, InteractionType.Purchase, time.AddMinutes(5), 1 + random.Next(3), 10m, orderId);
            }
        }
    }

    /// <summary>
    /// In a season's weeks the session goes to its category with the season's share; a category out of season is never
    /// picked (drawn again, and after a few misses the first category without a season).
    /// </summary>
    private (int Category, bool Seasonal) SeasonalCategory(int category, DateTime time, Random random)
    {
        foreach (var season in _options.Seasons)
        {
            if (season.Covers(time) && random.NextDouble() < season.Share)
                return (season.CategoryId - 1, true);
        }
        for (var attempt = 0; attempt < 16 && OutOfSeason(category, time); attempt++)
            category = Sample(_categoryCdf, random);
        for (var c = 0; c < _categoryCount && OutOfSeason(category, time); c++)
            category = c;
        return (category, false);
    }

    private bool OutOfSeason(int category, DateTime time)
    {
        var seasonal = false;
        foreach (var season in _options.Seasons)
        {
            if (season.CategoryId - 1 != category)
                continue;
            if (season.Covers(time))
                return false;
            seasonal = true;
        }
        return seasonal;
    }

    private static double[] ZipfCdf(int n, double exponent)
    {
        var cdf = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (var i = 0; i < n; i++)
            cdf[i] /= sum;
        return cdf;
    }

    private static int Sample(double[] cdf, Random random)
    {
        var index = Array.BinarySearch(cdf, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cdf.Length - 1);
    }
}
