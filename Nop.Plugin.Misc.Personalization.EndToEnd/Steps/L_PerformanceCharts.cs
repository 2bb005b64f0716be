using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

/// <summary>
/// The performance card draws its charts with nopCommerce's own Chart.js from the counters the shop's renders and
/// clicks left (steps G and I), and says in plain words what the holdout comparison shows.
/// </summary>
public partial class PersonalizationInShopTests
{
    [Test, Order(935)]
    public void L2_The_performance_card_draws_impressions_and_clicks_per_day_and_a_verdict_on_the_holdout()
    {
        var browser = Admin.Browser;
        //the report is kept for a minute: reload until it includes what steps G and I did
        var drawn = Poll.Until(() =>
        {
            Configuration().Open();
            return browser.WaitFor(driver => (string)((IJavaScriptExecutor)driver).ExecuteScript("""
            if (typeof Chart === 'undefined') return null;
            var chart = Chart.getChart(document.getElementById('personalization-chart-traffic'));
            if (!chart) return null;
            var impressions = 0, clicks = 0;
            chart.data.datasets.forEach(function (d) { d.data.forEach(function (v) { if (d.stack === 'impressions') impressions += v; else clicks += v; }); });
            return chart.data.labels.length + '|' + impressions + '|' + clicks;
            """), "the traffic chart drawn by Chart.js", TimeSpan.FromSeconds(30));
        }, text => text.Split('|')[1] != "0" && text.Split('|')[2] != "0", TimeSpan.FromSeconds(90), "the charts with the shop's impressions and clicks",
            TimeSpan.FromSeconds(10));

        var parts = drawn.Split('|').Select(long.Parse).ToArray();
        parts[0].Should().Be(31, "one point per day of the default 30-day period, today included");
        parts[1].Should().BeGreaterThan(0, "step G's renders were counted as impressions");
        parts[2].Should().BeGreaterThan(0, "step I1's click on a recommended product is on the chart");
        browser.Exists(By.Id("personalization-chart-ctr")).Should().BeTrue();
        browser.Exists(By.Id("personalization-chart-revenue")).Should().BeTrue();

        browser.Find(By.CssSelector(".personalization-lift-verdict")).Text.Should().StartWith("Not enough data yet",
            "a test shop's handful of customers cannot show a difference, and the card says so instead of showing a number");
    }
}
