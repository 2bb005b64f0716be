using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Segments;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Segments;

[TestFixture]
public class EmailSegmentFieldTests
{
    private static readonly DateTime _computed = Profiles.Make().ComputedOnUtc;

    [Test]
    public void EmailFieldsReadTheProfilesEngagement()
    {
        var clicker = Profiles.Make(customerId: 1) with
        {
            Email = new EmailEngagementSummary(4, 2, 1, _computed.AddDays(-1), _computed.AddDays(-3), 0.25)
        };
        var silent = Profiles.Make(customerId: 2);

        var rule = SegmentRule.Parse("email_clicks_90d >= 1");
        rule.Matches(clicker).Should().BeTrue();
        rule.Matches(silent).Should().BeFalse("a customer without e-mail activity has 0 clicks");
        SegmentRule.Parse("email_opens_90d = 2 and email_sends_90d = 4").Matches(clicker).Should().BeTrue();
        SegmentRule.Parse("email_opens_90d = 0").Matches(silent).Should().BeTrue();
        SegmentRule.Parse("email_click_rate >= 0.25").Matches(clicker).Should().BeTrue();
        SegmentRule.Parse("email_click_rate > 0.25").Matches(clicker).Should().BeFalse();
        SegmentRule.Parse("days_since_email_click <= 3").Matches(clicker).Should().BeTrue();
        SegmentRule.Parse("days_since_email_click < 3").Matches(clicker).Should().BeFalse();
        SegmentRule.Parse("days_since_email_open < 2").Matches(clicker).Should().BeTrue();
    }

    [TestCase("email_click_rate >= 0")]
    [TestCase("email_click_rate != 0.5")]
    [TestCase("days_since_email_click > 0")]
    [TestCase("days_since_email_open >= 0")]
    public void AMissingValueMatchesNoComparison(string rule)
    {
        //sent nothing, so no rate; never opened or clicked, so no recency
        var profile = Profiles.Make() with { Email = new EmailEngagementSummary(0, 0, 0, null, null, null) };

        SegmentRule.Parse(rule).Matches(profile).Should().BeFalse();
    }

    [TestCase("email_click_rate > 20", "20", "a share from 0 to 1 (0.2 = 20%) for email_click_rate")]
    [TestCase("email_click_rate >= -0.1", "-0.1", "a share from 0 to 1")]
    [TestCase("email_clicks_90d >= -1", "-1", "a count of e-mails, 0 or more for email_clicks_90d")]
    [TestCase("orders >= 1 and email_opens_90d < -2", "-2", "a count of e-mails, 0 or more for email_opens_90d")]
    public void AValueNoCustomerCanHaveIsRejectedWithWhatTheFieldMeans(string text, string value, string expected)
    {
        var error = FluentActions.Invoking(() => SegmentRule.Parse(text)).Should().Throw<SegmentRuleException>().Which.Error;

        error.Position.Should().Be(text.LastIndexOf(value, StringComparison.Ordinal) + 1, "the position of the value");
        error.Expected.Should().StartWith(expected);
    }

    [Test]
    public void AMisspelledEmailFieldIsRejectedWithTheKnownFields()
    {
        var error = FluentActions.Invoking(() => SegmentRule.Parse("email_clicks >= 1")).Should().Throw<SegmentRuleException>().Which.Error;

        error.Position.Should().Be(1);
        error.Expected.Should().Contain("email_clicks_90d").And.Contain("email_opens_90d").And.Contain("email_click_rate")
            .And.Contain("days_since_email_click");
    }
}
