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

    public string Attributes => TextOf(".personalization-attributes");

    public bool HeldOut => Text.Contains("comparison group", StringComparison.Ordinal);

    /// <summary>The suggestions: product id, text of the row and the reason given (null when none).</summary>
    public IReadOnlyList<(int ProductId, string Text, string Reason)> Recommendations =>
        _browser.All(By.CssSelector(".personalization-recommendations li"))
            .Select(row => (int.Parse(row.GetAttribute("data-personalization-product")), row.Text,
                row.FindElements(By.CssSelector(".personalization-reason")).Select(reason => reason.Text).FirstOrDefault()))
            .ToList();

    public bool IsOn => _browser.Exists(By.CssSelector(".personalization-status.personalization-on"));

    public bool IsOff => _browser.Exists(By.CssSelector(".personalization-status.personalization-off"));

    /// <summary>The outcome line shown after a control was used; null when none.</summary>
    public string Result => TextOf(".personalization-result");

    /// <summary>"Download my data", fetched with the page's own form (antiforgery token and cookies): status and body.</summary>
    public (long Status, string Disposition, string Body) Download()
    {
        var result = (IDictionary<string, object>)_browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            const form = document.querySelector('.personalization-download').form;
            fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
              .then(async response => done({ status: response.status, disposition: response.headers.get('content-disposition') || '', body: await response.text() }))
              .catch(error => done({ status: -1, disposition: '', body: String(error) }));
            """);
        return ((long)result["status"], (string)result["disposition"], (string)result["body"]);
    }

    public void SwitchOff() => Submit(".personalization-switch-off");

    public void SwitchOn() => Submit(".personalization-switch-on");

    public void Erase(bool confirm)
    {
        var box = _browser.FindPresent(By.CssSelector(".personalization-erase-confirm"));
        if (box.Selected != confirm)
            _browser.Click(box);
        Submit(".personalization-erase");
    }

    private void Submit(string button)
    {
        _browser.Click(By.CssSelector(button));
        _browser.WaitFor(driver => driver.FindElements(By.CssSelector(".personalization-result")).Count > 0,
            $"the outcome line after pressing {button}", TimeSpan.FromSeconds(60));
    }

    private string TextOf(string css) => _browser.All(By.CssSelector(css)).Select(element => element.Text).FirstOrDefault();
}
