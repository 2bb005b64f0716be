using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Segments;

[TestFixture]
public class SegmentRuleParserTests
{
    [TestCase("lifecycle in (active, at_risk) and monetary >= 4", "lifecycle in (active, at_risk) and monetary >= 4")]
    [TestCase("LIFECYCLE = Active", "lifecycle = active")]
    [TestCase("affinity.category[12] > 0.3", "affinity.category[12] > 0.3")]
    [TestCase("Affinity.Price_Band[5]>=.4", "affinity.price_band[5] >= 0.4")]
    [TestCase("orders >= 2", "orders >= 2")]
    [TestCase("days_since_last_order > 60", "days_since_last_order > 60")]
    [TestCase("orders >= 2 or not (days_since_last_order > 60 and recency <= 2)", "orders >= 2 or not (days_since_last_order > 60 and recency <= 2)")]
    [TestCase("(orders >= 2 or monetary = 5) and frequency > 1", "(orders >= 2 or monetary = 5) and frequency > 1")]
    [TestCase("orders > 1 and orders < 5 and monetary >= 3", "orders > 1 and orders < 5 and monetary >= 3")]
    [TestCase("orders == 3 or orders <> 4", "orders = 3 or orders != 4")]
    [TestCase("lifecycle not in (lapsed, none)", "not lifecycle in (lapsed, none)")]
    [TestCase("total_spent >= 99.5 and average_order_value < 20", "total_spent >= 99.5 and average_order_value < 20")]
    [TestCase("not not orders > 1", "not (not orders > 1)")]
    [TestCase("median_gap_days <= 30 and frequency in (4, 5)", "median_gap_days <= 30 and frequency in (4, 5)")]
    [TestCase("affinity.manufacturer[3] > 0", "affinity.manufacturer[3] > 0")]
    [TestCase("((orders > 1))", "orders > 1")]
    public void AcceptsAndWritesTheCanonicalForm(string text, string canonical)
    {
        var rule = SegmentRule.Parse(text);

        rule.ToString().Should().Be(canonical);
        SegmentRule.Parse(canonical).ToString().Should().Be(canonical);
    }

    [TestCase("", 1, "a field name, 'not' or '('", "end of rule")]
    [TestCase("orders >= ", 11, "a number for orders", "end of rule")]
    [TestCase("lifecycle > active", 11, "'=', '!=' or 'in' after lifecycle (stages have no order)", "'>'")]
    [TestCase("lifecycle in (active, dormant)", 23, "a lifecycle stage (none, new, active, at_risk, lapsed)", "'dormant'")]
    [TestCase("(orders >= 2", 13, "')'", "end of rule")]
    [TestCase("orders >= 2 monetary >= 4", 13, "'and', 'or' or end of rule", "'monetary'")]
    [TestCase("orders >= 2)", 12, "'and', 'or' or end of rule (unmatched ')')", "')'")]
    [TestCase("affinity.colour[3] > 0.1", 10, "an affinity kind (category, manufacturer, price_band, specification, tag, attribute_value, attribute)", "'colour'")]
    [TestCase("affinity.category[x] > 0.1", 19, "a whole-number id", "'x'")]
    [TestCase("affinity.category > 0.1", 19, "'[' and an id after affinity.category", "'>'")]
    [TestCase("orders ! 2", 8, "'!=' (or 'not' to negate)", "'!'")]
    [TestCase("orders >= 2 and", 16, "a field name, 'not' or '('", "end of rule")]
    [TestCase("orders # 2", 8, "a field, number, operator or parenthesis", "'#'")]
    [TestCase("orders 2", 8, "a comparison (=, !=, <, <=, >, >=) or 'in'", "'2'")]
    [TestCase("orders in (1, 2", 16, "',' or ')' to end the list of values", "end of rule")]
    [TestCase("orders not 2", 12, "'in' after 'not'", "'2'")]
    [TestCase("orders >= 1.2.3", 11, "a number for orders", "'1.2.3'")]
    public void RejectsWithPositionAndWhatWasExpected(string text, int position, string expected, string found)
    {
        SegmentRule.TryParse(text, out var rule, out var error).Should().BeFalse();

        rule.Should().BeNull();
        error.Position.Should().Be(position);
        error.Expected.Should().Be(expected);
        error.Found.Should().Be(found);
        FluentActions.Invoking(() => SegmentRule.Parse(text)).Should().Throw<SegmentRuleException>()
            .WithMessage($"Position {position}: expected *, found *.");
    }

    [Test]
    public void UnknownFieldListsTheKnownOnes()
    {
        SegmentRule.TryParse("spend > 3", out _, out var error).Should().BeFalse();

        error.Position.Should().Be(1);
        error.Expected.Should().StartWith("a field name (lifecycle, recency, frequency, monetary, orders, days_since_last_order");
        error.Expected.Should().Contain("affinity.category[id]");
    }

    [Test]
    public void AndBindsTighterThanOr()
    {
        var rule = SegmentRule.Parse("orders >= 2 or monetary >= 4 and frequency >= 4");

        rule.Should().BeOfType<OrRule>();
        rule.Matches(Profiles.Make(orders: 3, monetary: 1, frequency: 1)).Should().BeTrue();
    }
}
