using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// A registered shopper's "Your personalisation" page, reached the way a shopper would: My account → the plugin's link
/// in the account navigation.
/// </summary>
public sealed class MyPersonalizationPage
{
    private readonly Browser _browser;

    private MyPersonalizationPage(Browser browser)
    {
        _browser = browser;
    }

    public static MyPersonalizationPage OpenFromAccount(ShopperSession shopper)
    {
        shopper.Browser.Open("customer/info");
        shopper.Browser.FindPresent(By.CssSelector(".account-page"));
        shopper.Browser.Click(By.CssSelector(".block-account-navigation li.customer-personalization a"));
        shopper.Browser.FindPresent(By.CssSelector(".personalization-page"));
        return new MyPersonalizationPage(shopper.Browser);
    }

    public string Text => _browser.FindPresent(By.CssSelector(".personalization-page")).Text;

    /// <summary>The account navigation marks the plugin's link as the page shown.</summary>
    public bool LinkIsActive => _browser.Exists(By.CssSelector(".block-account-navigation li.customer-personalization.active"));

    public string Segments => TextOf(".personalization-segments");

    public string Categories => TextOf(".personalization-categories");

    public bool HeldOut => Text.Contains("comparison group", StringComparison.Ordinal);

    /// <summary>The suggestions: product id, text of the row and the reason given (null when none).</summary>
    public IReadOnlyList<(int ProductId, string Text, string Reason)> Recommendations =>
        _browser.All(By.CssSelector(".personalization-recommendations li"))
            .Select(row => (int.Parse(row.GetAttribute("data-personalization-product")), row.Text,
                row.FindElements(By.CssSelector(".personalization-reason")).Select(reason => reason.Text).FirstOrDefault()))
            .ToList();

    private string TextOf(string css) => _browser.All(By.CssSelector(css)).Select(element => element.Text).FirstOrDefault();
}
