using Nop.Plugin.Misc.Personalization.Engine.Lifetime;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Lifetime;

[TestFixture]
public class SpecialFunctionsTests
{
    [TestCase(1.0, 0.0)]
    [TestCase(2.0, 0.0)]
    [TestCase(10.0, 12.801827480081469)] // ln 9! = ln 362880
    [TestCase(0.5, 0.5723649429247001)] // ln √π
    [TestCase(0.1, 2.252712651734206)]
    [TestCase(100.0, 359.13420536957540)] // ln 99!
    public void LogGammaMatchesKnownValues(double x, double expected)
    {
        SpecialFunctions.LogGamma(x).Should().BeApproximately(expected, 1e-10);
    }

    [TestCase(0.0)]
    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(0.99)]
    public void HypergeometricOfOneOneTwoIsTheLogarithmSeries(double z)
    {
        var expected = z == 0 ? 1 : -Math.Log(1 - z) / z;

        SpecialFunctions.Hypergeometric2F1(1, 1, 2, z).Should().BeApproximately(expected, 1e-10 * expected);
    }

    [TestCase(2.5, 0.3)]
    [TestCase(0.7, 0.8)]
    public void HypergeometricWithEqualBAndCIsAPower(double a, double z)
    {
        // 2F1(a, b; b; z) = (1 - z)^(-a)
        SpecialFunctions.Hypergeometric2F1(a, 3.2, 3.2, z).Should().BeApproximately(Math.Pow(1 - z, -a), 1e-10);
    }

    [TestCase(0.5)]
    [TestCase(0.9)]
    public void HypergeometricOfHalvesIsTheArcSine(double x)
    {
        // 2F1(1/2, 1/2; 3/2; x²) = arcsin(x) / x
        SpecialFunctions.Hypergeometric2F1(0.5, 0.5, 1.5, x * x).Should().BeApproximately(Math.Asin(x) / x, 1e-10);
    }

    [Test]
    public void HypergeometricRefusesArgumentsOutsideTheSeriesDisc()
    {
        FluentActions.Invoking(() => SpecialFunctions.Hypergeometric2F1(1, 1, 2, 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
