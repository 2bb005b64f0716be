using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The consent part of the configuration page's settings form: the mode, and the confirmation a stricter mode asks for.
/// </summary>
public sealed partial class ConsentForm
{
    public const string EVERYONE = "0";
    public const string NOBODY = "20";

    private readonly Browser _browser;
    private readonly ConfigurationPage _page;

    public ConsentForm(AdminSession admin, ConfigurationPage page)
    {
        _browser = admin.Browser;
        _page = page;
    }

    public string Mode => _page.Value("Consent");

    public void Choose(string mode) => _page.SetValue("Consent", mode);

    /// <summary>
    /// Clicks Save and waits for the confirmation a stricter mode shows instead of saving; returns its text.
    /// </summary>
    public string SaveExpectingConfirmation()
    {
        _browser.Click(By.CssSelector("button[name='save']"));
        return _browser.WaitFor(driver => driver.FindElements(By.CssSelector(".consent-change-confirmation")).FirstOrDefault()?.Text.Trim(),
            "the consent change confirmation after Save", TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// The confirmation's button; returns the success notifications shown afterwards.
    /// </summary>
    public string Confirm()
    {
        _browser.Click(By.CssSelector("button[name='ConfirmConsentChange']"));
        _browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success")).Count > 0, "the notification after confirming", TimeSpan.FromSeconds(120));
        return string.Join(" | ", _browser.All(By.CssSelector(".alert-success")).Select(alert => alert.Text.Trim()));
    }

    /// <summary>The number of events the confirmation says become anonymous.</summary>
    public static int EventsIn(string confirmation)
    {
        var match = EventCount().Match(confirmation);
        return match.Success ? int.Parse(match.Groups[1].Value) : -1;
    }

    [GeneratedRegex(@"(\d+) events")]
    private static partial Regex EventCount();
}
