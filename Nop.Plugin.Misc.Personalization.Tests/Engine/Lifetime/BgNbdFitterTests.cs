using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Lifetime;

[TestFixture]
public class BgNbdFitterTests
{
    private static readonly BgNbdParameters _truth = new(R: 0.8, Alpha: 40, A: 0.6, B: 2.5);
    private static readonly LifetimeOptions _options = new();

    [Test]
    public void RecoversTheParametersOfSimulatedCustomers()
    {
        var customers = BgNbdSimulation.Customers(_truth, 5000, seed: 7);

        var fitted = BgNbdFitter.Fit(customers, _options);

        fitted.Should().NotBeNull();
        var p = fitted!.Value;
        p.R.Should().BeApproximately(_truth.R, 0.25 * _truth.R);
        p.Alpha.Should().BeApproximately(_truth.Alpha, 0.25 * _truth.Alpha);
        p.A.Should().BeApproximately(_truth.A, 0.35 * _truth.A);
        p.B.Should().BeApproximately(_truth.B, 0.35 * _truth.B);
    }

    [Test]
    public void TheLikelihoodIsHighestNearTheTrueParameters()
    {
        var customers = BgNbdSimulation.Customers(_truth, 3000, seed: 11);
        var atTruth = BgNbdModel.LogLikelihood(_truth, customers);

        var fitted = BgNbdFitter.Fit(customers, _options)!.Value;
        BgNbdModel.LogLikelihood(fitted, customers).Should().BeGreaterThanOrEqualTo(atTruth);

        foreach (var away in new[]
                 {
                     _truth with { R = _truth.R * 2 }, _truth with { R = _truth.R / 2 },
                     _truth with { Alpha = _truth.Alpha * 2 }, _truth with { Alpha = _truth.Alpha / 2 },
                     _truth with { A = _truth.A * 2 }, _truth with { A = _truth.A / 2 },
                     _truth with { B = _truth.B * 2 }, _truth with { B = _truth.B / 2 }
                 })
            BgNbdModel.LogLikelihood(away, customers).Should().BeLessThan(atTruth, $"{away} is further from the truth");
    }

    [Test]
    public void TheFitIsDeterministic()
    {
        var customers = BgNbdSimulation.Customers(_truth, 1000, seed: 3);

        BgNbdFitter.Fit(customers, _options).Should().Be(BgNbdFitter.Fit(customers, _options));
    }

    [Test]
    public void FitsNothingWithoutEnoughRepeatCustomers()
    {
        var oneTimers = Enumerable.Range(0, 500).Select(i => new PurchaseSummary(0, 0, 100 + i % 200)).ToList();
        var someRepeat = oneTimers.Take(300).Concat(Enumerable.Range(0, 49).Select(i => new PurchaseSummary(2, 40, 200))).ToList();

        BgNbdFitter.Fit(oneTimers, _options).Should().BeNull();
        BgNbdFitter.Fit(someRepeat, _options).Should().BeNull();
        BgNbdFitter.HasEnoughHistory(someRepeat.Append(new PurchaseSummary(1, 10, 50)).ToList(), _options).Should().BeTrue();
    }

    [Test]
    public void PredictedPurchasesOfSimulatedCustomersMatchWhatTheyGoOnToBuy()
    {
        // simulate a calibration period and a 90-day holdout from the same customers: the summary as of day T and
        // the purchases in (T, T + 90], then compare the total predicted with the total bought
        var random = new Random(5);
        var full = BgNbdSimulationWithHoldout(random, 4000, 90);
        var fitted = BgNbdFitter.Fit(full.Select(c => c.Calibration).ToList(), _options)!.Value;

        var predicted = full.Sum(c => BgNbdModel.ExpectedPurchases(fitted, c.Calibration, 90));
        var actual = full.Sum(c => c.Holdout);

        predicted.Should().BeApproximately(actual, 0.1 * actual);
    }

    [Test]
    public void PredictorPredictsEveryBuyerOrNobody()
    {
        var asOf = new DateTime(2024, 1, 1);
        var random = new Random(9);
        var histories = new Dictionary<int, IReadOnlyList<DateTime>>();
        for (var id = 0; id < 400; id++)
        {
            var first = asOf.AddDays(-Math.Round(150 + 215 * random.NextDouble()));
            var repeats = BgNbdSimulation.RepeatPurchaseTimes(_truth, random, (asOf - first).TotalDays);
            histories[id] = repeats.Select(days => first.AddDays(days)).Prepend(first).ToArray();
        }

        var predictions = LifetimePredictor.Predict(histories, asOf, _options);
        var none = LifetimePredictor.Predict(histories, asOf, _options with { MinCustomers = 401 });

        predictions.Keys.Should().BeEquivalentTo(histories.Keys);
        predictions.Values.Should().OnlyContain(p => p.ProbabilityAlive > 0 && p.ProbabilityAlive <= 1 && p.ExpectedPurchases >= 0);
        none.Should().BeEmpty();
    }

    private static List<(PurchaseSummary Calibration, int Holdout)> BgNbdSimulationWithHoldout(Random random, int count, double horizon)
    {
        var result = new List<(PurchaseSummary, int)>(count);
        for (var i = 0; i < count; i++)
        {
            var age = 150 + 215 * random.NextDouble();
            var times = BgNbdSimulation.RepeatPurchaseTimes(_truth, random, age + horizon);
            result.Add((BgNbdSimulation.Summary(times, age), times.Count(t => t > age)));
        }

        return result;
    }
}
