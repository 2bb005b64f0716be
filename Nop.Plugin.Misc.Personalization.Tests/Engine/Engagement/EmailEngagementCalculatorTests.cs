using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Engagement;

[TestFixture]
public class EmailEngagementCalculatorTests
{
    private static readonly DateTime _now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static EmailActivity Sent(int customer, int daysAgo, EmailKind kind = EmailKind.Replenishment, int store = 1) =>
        new(store, customer, EmailActivityType.Sent, kind, 0, _now.AddDays(-daysAgo));

    private static EmailActivity Opened(int customer, int emailId, int daysAgo, EmailKind kind = EmailKind.Replenishment, int store = 1) =>
        new(store, customer, EmailActivityType.Opened, kind, emailId, _now.AddDays(-daysAgo));

    private static EmailActivity Clicked(int customer, int emailId, int daysAgo, EmailKind kind = EmailKind.Replenishment, int store = 1) =>
        new(store, customer, EmailActivityType.Clicked, kind, emailId, _now.AddDays(-daysAgo));

    [Test]
    public void CountsEmailsNotRequestsAndTheClickRateOverThePluginsOwnSends()
    {
        var activity = new[]
        {
            Sent(1, 80), Sent(1, 40, EmailKind.AbandonedCart), Sent(1, 20), Sent(1, 10),
            //before the 90 days
            Sent(1, 100), Clicked(1, 900, 95),
            //e-mail 11 opened twice and clicked; e-mail 12 clicked with images blocked; a shop message's block clicked
            Opened(1, 11, 19), Opened(1, 11, 18), Clicked(1, 11, 18), Clicked(1, 11, 17),
            Clicked(1, 12, 9, EmailKind.AbandonedCart),
            Clicked(1, 500, 5, EmailKind.ShopMessage),
            Opened(1, 13, 2)
        };

        var engagement = EmailEngagementCalculator.Calculate(activity, _now)[(1, 1)];

        engagement.Sent.Should().Be(4);
        engagement.Opened.Should().Be(4, "e-mails 11, 12, 500 and 13: a click is an open");
        engagement.Clicked.Should().Be(3, "e-mails 11, 12 and 500");
        engagement.ClickRate.Should().Be(0.5, "2 of the 4 plugin e-mails were clicked; the shop message's send names nobody");
        engagement.LastOpenUtc.Should().Be(_now.AddDays(-2));
        engagement.LastClickUtc.Should().Be(_now.AddDays(-5));
    }

    [Test]
    public void KeepsStoresAndCustomersApartAndIgnoresTheAnonymousAndTheFuture()
    {
        var activity = new[]
        {
            Sent(1, 3), Clicked(1, 7, 2), Sent(1, 3, store: 2), Opened(2, 8, 1), Clicked(0, 9, 1), Clicked(1, 10, -1)
        };

        var engagement = EmailEngagementCalculator.Calculate(activity, _now);

        //keyed by (store, customer)
        engagement.Keys.Should().BeEquivalentTo([(1, 1), (2, 1), (1, 2)]);
        engagement[(1, 1)].Should().Be(new EmailEngagementSummary(1, 1, 1, _now.AddDays(-2), _now.AddDays(-2), 1.0));
        engagement[(2, 1)].Should().Be(new EmailEngagementSummary(1, 0, 0, null, null, 0.0));
        engagement[(1, 2)].Should().Be(new EmailEngagementSummary(0, 1, 0, _now.AddDays(-1), null, null), "no send: no rate");
    }

    [Test]
    public void TheClickRateNeverPassesOne()
    {
        //sent 91 days ago (outside), clicked 80 days ago (inside), plus one send clicked inside
        var activity = new[] { Sent(1, 91), Clicked(1, 1, 80), Sent(1, 30), Clicked(1, 2, 29) };

        EmailEngagementCalculator.Calculate(activity, _now)[(1, 1)].ClickRate.Should().Be(1.0);
    }

    [Test]
    public void DaysSinceIsMeasuredFromTheComputation()
    {
        EmailEngagementSummary.DaysSince(_now.AddDays(-3.5), _now).Should().Be(3.5);
        EmailEngagementSummary.DaysSince(null, _now).Should().BeNull();
    }
}
