using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Lifetime;

/// <summary>Customers drawn from the BG/NBD process itself, seeded.</summary>
public static class BgNbdSimulation
{
    public static List<PurchaseSummary> Customers(BgNbdParameters p, int count, int seed, double minAge = 150, double maxAge = 365)
    {
        var random = new Random(seed);
        var customers = new List<PurchaseSummary>(count);
        for (var i = 0; i < count; i++)
        {
            var age = minAge + (maxAge - minAge) * random.NextDouble();
            customers.Add(Summary(RepeatPurchaseTimes(p, random, age), age));
        }

        return customers;
    }

    /// <summary>The summary as of <paramref name="age"/> days after the first purchase of the given repeat purchase times.</summary>
    public static PurchaseSummary Summary(IReadOnlyList<double> repeatTimes, double age)
    {
        var before = repeatTimes.Where(t => t <= age).ToArray();
        return new PurchaseSummary(before.Length, before.Length == 0 ? 0 : before[^1], age);
    }

    /// <summary>
    /// One customer's repeat purchases (days after the first) until <paramref name="until"/>: a Poisson process with
    /// rate λ ~ Gamma(r, α) that stops after each purchase with probability p ~ Beta(a, b).
    /// </summary>
    public static List<double> RepeatPurchaseTimes(BgNbdParameters p, Random random, double until)
    {
        var rate = Gamma(random, p.R) / p.Alpha;
        var x1 = Gamma(random, p.A);
        var dropOut = x1 / (x1 + Gamma(random, p.B));
        var times = new List<double>();
        var time = 0.0;
        while (true)
        {
            time += -Math.Log(1 - random.NextDouble()) / rate;
            if (time > until)
                return times;
            times.Add(time);
            if (random.NextDouble() < dropOut)
                return times;
        }
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang, boosted for shapes below 1.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + c * z;
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v))
                return d * v;
        }
    }

    private static double Normal(Random random)
    {
        return Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
