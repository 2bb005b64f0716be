using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Segments;

[TestFixture]
public class SegmentEvaluationTests
{
    // A = orders >= 2, B = monetary >= 4
    [TestCase(false, false)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    [TestCase(true, true)]
    public void TruthTableOfTheConnectives(bool a, bool b)
    {
        var profile = Profiles.Make(orders: a ? 3 : 1, monetary: (byte)(b ? 5 : 1));

        SegmentRule.Parse("orders >= 2 and monetary >= 4").Matches(profile).Should().Be(a && b);
        SegmentRule.Parse("orders >= 2 or monetary >= 4").Matches(profile).Should().Be(a || b);
        SegmentRule.Parse("not orders >= 2").Matches(profile).Should().Be(!a);
        SegmentRule.Parse("not (orders >= 2 and monetary >= 4)").Matches(profile).Should().Be(!(a && b));
        SegmentRule.Parse("orders >= 2 and not monetary >= 4").Matches(profile).Should().Be(a && !b);
    }

    [TestCase(LifecycleStage.New, false)]
    [TestCase(LifecycleStage.Active, true)]
    [TestCase(LifecycleStage.AtRisk, true)]
    [TestCase(LifecycleStage.Lapsed, false)]
    [TestCase(LifecycleStage.None, false)]
    public void LifecycleInList(LifecycleStage stage, bool expected)
    {
        var rule = SegmentRule.Parse("lifecycle in (active, at_risk)");

        rule.Matches(Profiles.Make(lifecycle: stage)).Should().Be(expected);
        SegmentRule.Parse("lifecycle not in (active, at_risk)").Matches(Profiles.Make(lifecycle: stage)).Should().Be(!expected);
    }

    [TestCase(0.31, true)]
    [TestCase(0.3, false)]
    public void AffinityComparison(double score, bool expected)
    {
        var profile = Profiles.Make(affinities: new[] { new Affinity(AffinityKind.Category, 12, score), new Affinity(AffinityKind.Category, 13, 0.9) });

        SegmentRule.Parse("affinity.category[12] > 0.3").Matches(profile).Should().Be(expected);
    }

    [Test]
    public void AnAbsentAffinityScoresZero()
    {
        var profile = Profiles.Make();

        SegmentRule.Parse("affinity.manufacturer[3] = 0").Matches(profile).Should().BeTrue();
        SegmentRule.Parse("affinity.manufacturer[3] > 0").Matches(profile).Should().BeFalse();
    }

    [Test]
    public void AMissingValueFailsEveryComparison()
    {
        var neverOrdered = Profiles.Make(orders: 0, lifecycle: LifecycleStage.None, daysSinceLastOrder: null, totalSpent: 0m);

        SegmentRule.Parse("days_since_last_order > 60").Matches(neverOrdered).Should().BeFalse();
        SegmentRule.Parse("days_since_last_order <= 60").Matches(neverOrdered).Should().BeFalse();
        SegmentRule.Parse("median_gap_days in (20)").Matches(neverOrdered).Should().BeFalse();
        SegmentRule.Parse("not days_since_last_order > 60").Matches(neverOrdered).Should().BeTrue();
        SegmentRule.Parse("days_since_last_order > 60").Matches(Profiles.Make(daysSinceLastOrder: 61)).Should().BeTrue();
    }

    [TestCase(0.2, true)]
    [TestCase(0.3, false)]
    [TestCase(null, false)]
    public void PredictedLifetimeFieldsCompareLikeNumbers(double? alive, bool expected)
    {
        var profile = Profiles.Make() with { ProbabilityAlive = alive, ExpectedPurchases = alive == null ? null : 1.5 };

        SegmentRule.Parse("p_alive < 0.3").Matches(profile).Should().Be(expected);
        SegmentRule.Parse("expected_purchases_90d >= 1.5").Matches(profile).Should().Be(alive != null);
    }

    [Test]
    public void SizesCountMembersAndWarnAboutSmallSegments()
    {
        var profiles = Enumerable.Range(1, 20)
            .Select(i => Profiles.Make(customerId: i, orders: i, lifecycle: i <= 2 ? LifecycleStage.Lapsed : LifecycleStage.Active))
            .ToArray();
        var segments = new[]
        {
            new SegmentDefinition(1, "Lapsed", SegmentRule.Parse("lifecycle = lapsed")),
            new SegmentDefinition(2, "Regulars", SegmentRule.Parse("orders >= 5")),
            new SegmentDefinition(3, "Few", SegmentRule.Parse("orders >= 18"))
        };
        var options = new SegmentOptions { MinimumMembers = 3, MinimumShare = 0.2 };

        var sizes = SegmentAnalysis.Sizes(profiles, segments, options);

        sizes.Select(s => (s.SegmentId, s.Members)).Should().Equal((1, 2), (2, 16), (3, 3));
        sizes[1].Share.Should().BeApproximately(0.8, 1e-12);
        sizes[0].Warning.Should().Contain("Only 2 customers").And.Contain("fewer than 3");
        sizes[1].Warning.Should().BeNull();
        sizes[2].Warning.Should().Contain("15%").And.Contain("20%");
    }

    [Test]
    public void MembershipListsMatchingSegmentIds()
    {
        var segments = new[]
        {
            new SegmentDefinition(7, "Regulars", SegmentRule.Parse("orders >= 5")),
            new SegmentDefinition(3, "Active", SegmentRule.Parse("lifecycle = active")),
            new SegmentDefinition(9, "Lapsed", SegmentRule.Parse("lifecycle = lapsed"))
        };

        SegmentAnalysis.MemberOf(Profiles.Make(orders: 6), segments).Should().Equal(3, 7);
        SegmentAnalysis.MemberOf(Profiles.Make(orders: 1, lifecycle: LifecycleStage.New), segments).Should().BeEmpty();
    }

    [Test]
    public void EmptyPopulationWarnsAndHasZeroShare()
    {
        var sizes = SegmentAnalysis.Sizes(Array.Empty<CustomerProfile>(), new[] { new SegmentDefinition(1, "All", SegmentRule.Parse("orders >= 0")) }, new SegmentOptions());

        sizes.Single().Members.Should().Be(0);
        sizes.Single().Share.Should().Be(0);
        sizes.Single().Warning.Should().NotBeNull();
    }

    [Test]
    public void BuiltInSegmentsParseToTheirOwnCanonicalText()
    {
        BuiltInSegments.All.Should().HaveCountLessThanOrEqualTo(10);
        foreach (var template in BuiltInSegments.All)
            SegmentRule.Parse(template.Rule).ToString().Should().Be(template.Rule);
    }
}
