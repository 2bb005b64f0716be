using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Engine.Engagement;

/// <summary>
/// Sums each customer's e-mail activity of the window into <see cref="EmailEngagementSummary"/>. Opens and clicks count
/// e-mails, not requests. The click rate counts only the kinds whose sends name their customer (the plugin's own
/// e-mails): a personal block in one of the shop's messages is clicked, but its send names nobody.
/// </summary>
public static class EmailEngagementCalculator
{
    public const int WindowDays = 90;

    public static IReadOnlyDictionary<(int StoreId, int CustomerId), EmailEngagementSummary> Calculate(IEnumerable<EmailActivity> activity, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);

        var from = nowUtc.AddDays(-WindowDays);
        var tallies = new Dictionary<(int StoreId, int CustomerId), Tally>();
        foreach (var item in activity)
        {
            if (item.CustomerId <= 0 || item.TimeUtc < from || item.TimeUtc > nowUtc)
                continue;

            var key = (item.StoreId, item.CustomerId);
            if (!tallies.TryGetValue(key, out var tally))
                tallies[key] = tally = new Tally();

            switch (item.Type)
            {
                case EmailActivityType.Sent:
                    tally.Sent++;
                    break;
                case EmailActivityType.Opened:
                    tally.Opened.Add((item.Kind, item.EmailId));
                    tally.LastOpen = Later(tally.LastOpen, item.TimeUtc);
                    break;
                case EmailActivityType.Clicked:
                    tally.Opened.Add((item.Kind, item.EmailId));
                    tally.Clicked.Add((item.Kind, item.EmailId));
                    tally.LastOpen = Later(tally.LastOpen, item.TimeUtc);
                    tally.LastClick = Later(tally.LastClick, item.TimeUtc);
                    break;
            }
        }

        return tallies.ToDictionary(pair => pair.Key, pair => pair.Value.ToEngagement());
    }

    private static DateTime? Later(DateTime? known, DateTime time) => known == null || time > known ? time : known;

    private sealed class Tally
    {
        public int Sent;
        public readonly HashSet<(EmailKind Kind, int EmailId)> Opened = [];
        public readonly HashSet<(EmailKind Kind, int EmailId)> Clicked = [];
        public DateTime? LastOpen;
        public DateTime? LastClick;

        public EmailEngagementSummary ToEngagement()
        {
            //an e-mail sent just before the window and clicked inside it would push the rate above 1
            var clickedSent = Clicked.Count(email => email.Kind != EmailKind.ShopMessage);
            double? rate = Sent == 0 ? null : Math.Min(1.0, clickedSent / (double)Sent);
            return new EmailEngagementSummary(Sent, Opened.Count, Clicked.Count, LastOpen, LastClick, rate);
        }
    }
}
