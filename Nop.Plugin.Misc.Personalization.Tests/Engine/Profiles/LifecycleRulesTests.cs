using Nop.Plugin.Misc.Personalization.Engine.Profiles;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Profiles;

[TestFixture]
public class LifecycleRulesTests
{
    private static readonly ProfileOptions _options = new() { NewWithinDays = 60, AtRiskGapMultiple = 2, LapsedGapMultiple = 4, MinGapDays = 14 };

    [TestCase(0, null, null, LifecycleStage.None)]
    [TestCase(1, 10.0, null, LifecycleStage.New)]
    [TestCase(1, 60.0, null, LifecycleStage.New)]
    [TestCase(1, 61.0, null, LifecycleStage.Active)] // store gap 40: active up to 80 days
    [TestCase(1, 100.0, null, LifecycleStage.AtRisk)]
    [TestCase(1, 200.0, null, LifecycleStage.Lapsed)]
    [TestCase(5, 50.0, 30.0, LifecycleStage.Active)]
    [TestCase(5, 60.0, 30.0, LifecycleStage.Active)]
    [TestCase(5, 61.0, 30.0, LifecycleStage.AtRisk)]
    [TestCase(5, 120.0, 30.0, LifecycleStage.AtRisk)]
    [TestCase(5, 121.0, 30.0, LifecycleStage.Lapsed)]
    [TestCase(3, 27.0, 2.0, LifecycleStage.Active)] // gap floored at 14 days
    [TestCase(3, 29.0, 2.0, LifecycleStage.AtRisk)]
    public void JudgesTheStageAgainstTheCustomersOwnGap(int orders, double? daysSince, double? ownGap, LifecycleStage expected)
    {
        LifecycleRules.Stage(orders, daysSince, ownGap, storeGapDays: 40, _options).Should().Be(expected);
    }

    [Test]
    public void TheSameSilenceIsActiveForAnOccasionalBuyerAndAtRiskForAWeeklyOne()
    {
        LifecycleRules.Stage(10, 45, 60, 30, _options).Should().Be(LifecycleStage.Active);
        LifecycleRules.Stage(10, 45, 14, 30, _options).Should().Be(LifecycleStage.AtRisk);
    }
}
