using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Measurement;

/// <summary>The verdict against cases worked out by hand (two-proportion normal interval, z = 1.96).</summary>
[TestFixture]
public class LiftVerdictTests
{
    [Test]
    public void TwelveAgainstEightPercentOfAThousandIsBetterByHalf()
    {
        //difference 0.04, standard error sqrt(.12*.88/1000 + .08*.92/1000) = 0.013387, interval 0.04 ± 0.026238
        var verdict = LiftVerdict.Judge(new LiftGroup(1000, 120, 0m), new LiftGroup(1000, 80, 0m));

        verdict.Kind.Should().Be(LiftVerdictKind.Better);
        verdict.RelativeLift.Should().BeApproximately(0.5, 1e-9);
        verdict.RelativeLow.Should().BeApproximately(0.013762 / 0.08, 1e-4);
        verdict.RelativeHigh.Should().BeApproximately(0.066238 / 0.08, 1e-4);
    }

    [Test]
    public void TenAgainstNineAndAHalfPercentIsNoMeasurableDifference()
    {
        //difference 0.005, standard error 0.013266, interval (-0.021, 0.031)
        LiftVerdict.Judge(new LiftGroup(1000, 100, 0m), new LiftGroup(1000, 95, 0m)).Kind.Should().Be(LiftVerdictKind.NoMeasurableDifference);
    }

    [Test]
    public void SixAgainstTenPercentIsWorseByFortyPercent()
    {
        //difference -0.04, standard error 0.0121, interval (-0.0637, -0.0163)
        var verdict = LiftVerdict.Judge(new LiftGroup(1000, 60, 0m), new LiftGroup(1000, 100, 0m));

        verdict.Kind.Should().Be(LiftVerdictKind.Worse);
        verdict.RelativeLift.Should().BeApproximately(-0.4, 1e-9);
        verdict.RelativeHigh.Should().BeApproximately(-0.0163 / 0.1, 1e-3);
    }

    [TestCase(99, 50, 1000, 80)]
    [TestCase(1000, 120, 1000, 9)]
    public void TooFewCustomersOrBuyersInAGroupIsNotEnoughData(int treated, int treatedBuyers, int heldOut, int heldOutBuyers)
    {
        LiftVerdict.Judge(new LiftGroup(treated, treatedBuyers, 0m), new LiftGroup(heldOut, heldOutBuyers, 0m)).Kind
            .Should().Be(LiftVerdictKind.NotEnoughData);
    }
}
