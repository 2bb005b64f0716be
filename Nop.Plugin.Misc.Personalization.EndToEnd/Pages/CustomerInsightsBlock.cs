using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The plugin's block on nopCommerce's customer edit page (Views/Customer/_Insights.cshtml): the profile table's rows
/// (label: value), the events table's rows (time, type, product, quantity) and the block's whole text.
/// </summary>
public sealed record CustomerInsightsBlock(IReadOnlyDictionary<string, string> Profile, IReadOnlyList<string[]> Events, string Text)
{
    public const string CARD = "#personalization-customer-insights";

    /// <summary>
    /// The events table's heading (Plugins.Misc.Personalization.Customer.Events).
    /// </summary>
    public const string EVENTS_HEADING = "Recent activity";

    public static CustomerInsightsBlock Open(AdminSession admin, int customerId)
    {
        admin.Browser.Open($"Admin/Customer/Edit/{customerId}");
        var card = admin.Browser.FindPresent(By.CssSelector(CARD));
        //the card may be collapsed: read the text of the markup, not what is displayed
        string TextOf(IWebElement element) => (element.GetAttribute("textContent") ?? "").Trim();

        var profile = new Dictionary<string, string>();
        foreach (var row in card.FindElements(By.XPath(".//h5[1]/following-sibling::table[1]//tr[th and td]")))
            profile[TextOf(row.FindElement(By.TagName("th")))] = string.Join(" ", TextOf(row.FindElement(By.TagName("td"))).Split((char[])null, StringSplitOptions.RemoveEmptyEntries));

        var events = card.FindElements(By.XPath($".//h5[normalize-space()='{EVENTS_HEADING}']/following-sibling::table[1]/tbody/tr"))
            .Select(row => row.FindElements(By.TagName("td")).Select(TextOf).ToArray()).ToList();
        return new CustomerInsightsBlock(profile, events, TextOf(card));
    }
}
