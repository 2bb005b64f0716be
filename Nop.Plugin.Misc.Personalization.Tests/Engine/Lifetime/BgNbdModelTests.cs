using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Lifetime;

[TestFixture]
public class BgNbdModelTests
{
    [Test]
    public void ACustomerWithoutARepeatPurchaseIsAlive()
    {
        var parameters = new BgNbdParameters(0.3, 20, 0.8, 2.5);

        BgNbdModel.ProbabilityAlive(parameters, new PurchaseSummary(0, 0, 300)).Should().Be(1);
    }

    [Test]
    public void ProbabilityAliveMatchesTheHandComputedValue()
    {
        // odds of having dropped out = a / (b + x - 1) × ((α + T) / (α + t_x))^(r + x) = 1/2 × (4/2)² = 2
        var parameters = new BgNbdParameters(R: 1, Alpha: 1, A: 1, B: 2);

        BgNbdModel.ProbabilityAlive(parameters, new PurchaseSummary(1, 1, 3)).Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Test]
    public void ALongSilenceLowersProbabilityAlive()
    {
        var parameters = new BgNbdParameters(0.5, 30, 0.7, 3);
        var recent = BgNbdModel.ProbabilityAlive(parameters, new PurchaseSummary(5, 290, 300));
        var silent = BgNbdModel.ProbabilityAlive(parameters, new PurchaseSummary(5, 100, 300));

        silent.Should().BeLessThan(recent);
    }

    [Test]
    public void ExpectedPurchasesMatchTheHandComputedValue()
    {
        // x = 0: E = (a + b - 1) / (a - 1) × (1 - ((α + T) / (α + T + t))^r × 2F1(r, b; a + b - 1; t / (α + T + t)))
        // r = α = b = T = 1, a = 2, t = 2: z = 1/2, 2F1(1, 1; 2; 1/2) = 2 ln 2, so E = 2 × (1 - ½ × 2 ln 2) = 2 - 2 ln 2
        var parameters = new BgNbdParameters(R: 1, Alpha: 1, A: 2, B: 1);

        BgNbdModel.ExpectedPurchases(parameters, new PurchaseSummary(0, 0, 1), 2).Should().BeApproximately(2 - 2 * Math.Log(2), 1e-12);
    }

    [Test]
    public void ExpectedPurchasesOfADeadLookingCustomerAreScaledByProbabilityAlive()
    {
        // the conditional expectation is (what an alive customer would buy) × P(alive); with the same x and T,
        // recency changes only P(alive), so the ratio of expectations is the ratio of P(alive)
        var parameters = new BgNbdParameters(0.5, 30, 0.7, 3);
        var recent = new PurchaseSummary(4, 250, 300);
        var silent = new PurchaseSummary(4, 50, 300);

        var ratio = BgNbdModel.ExpectedPurchases(parameters, silent, 90) / BgNbdModel.ExpectedPurchases(parameters, recent, 90);

        ratio.Should().BeApproximately(BgNbdModel.ProbabilityAlive(parameters, silent) / BgNbdModel.ProbabilityAlive(parameters, recent), 1e-12);
    }

    [Test]
    public void LogLikelihoodMatchesTheHandComputedValues()
    {
        var parameters = new BgNbdParameters(1, 1, 1, 1);

        // x = 0, T = 1: only (α / (α + T))^r survives: ln ½
        BgNbdModel.LogLikelihood(parameters, new PurchaseSummary(0, 0, 1)).Should().BeApproximately(Math.Log(0.5), 1e-12);

        // x = 1, t_x = 1, T = 2: B(a, b + 1) / B(a, b) = ½ times ((1/3)² + (1/2)²) = 13/72
        BgNbdModel.LogLikelihood(parameters, new PurchaseSummary(1, 1, 2)).Should().BeApproximately(Math.Log(13.0 / 72), 1e-12);
    }

    [Test]
    public void SummaryCountsPurchaseDaysInDays()
    {
        var asOf = new DateTime(2024, 3, 1);
        var times = new[]
        {
            new DateTime(2024, 1, 1, 9, 0, 0), new DateTime(2024, 1, 1, 17, 0, 0),
            new DateTime(2024, 1, 11, 12, 0, 0), new DateTime(2024, 3, 2)
        };

        PurchaseSummary.Of(times, asOf).Should().Be(new PurchaseSummary(1, 10, 60));
        PurchaseSummary.Of([new DateTime(2024, 3, 5)], asOf).Should().BeNull();
    }
}
