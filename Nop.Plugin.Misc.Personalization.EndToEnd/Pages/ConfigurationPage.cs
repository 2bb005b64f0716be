using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The plugin's configuration page (Views/Configure.cshtml): the settings form, the data card's buttons and the status card.
/// </summary>
public sealed class ConfigurationPage
{
    private readonly Browser _browser;
    private readonly string _url;

    public ConfigurationPage(AdminSession admin, string url)
    {
        _browser = admin.Browser;
        _url = url;
    }

    public ConfigurationPage Open()
    {
        _browser.Driver.Navigate().GoToUrl(_url);
        _browser.FindPresent(By.CssSelector("button[name='save']"));
        return this;
    }

    /// <summary>The health checklist's lines of the first store: item, state and reason (data attributes of _Health.cshtml).</summary>
    public IReadOnlyList<(string Item, string State, string Reason)> HealthLines() =>
        _browser.All(By.CssSelector(".personalization-health tr[data-health-item]"))
            .Select(row => (row.GetAttribute("data-health-item"), row.GetAttribute("data-health-state"), row.GetAttribute("data-health-reason")))
            .ToList();

    public string HealthNextStep() => _browser.All(By.CssSelector(".personalization-health .personalization-health-next")).FirstOrDefault()?.Text;

    public string Value(string field) => _browser.FindPresent(By.Id(field)).GetAttribute("value");

    public void SetValue(string field, string value)
    {
        var input = _browser.FindPresent(By.Id(field));
        //admin number inputs may be wrapped by a widget: set the posted input itself
        _browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
    }

    /// <summary>
    /// Clicks Save; returns the validation messages shown for the form (empty when it saved).
    /// </summary>
    public IReadOnlyList<string> Save()
    {
        _browser.Click(By.CssSelector("button[name='save']"));
        _browser.WaitFor(driver => driver.FindElements(By.CssSelector(".validation-summary-errors li, .field-validation-error, .alert-success")).Count > 0,
            "the configuration page after Save", TimeSpan.FromSeconds(60));
        return ValidationMessages();
    }

    public IReadOnlyList<string> ValidationMessages() =>
        _browser.All(By.CssSelector(".validation-summary-errors li, .field-validation-error"))
            .Select(element => element.Text.Trim()).Where(text => text.Length > 0).Distinct().ToList();

    /// <summary>
    /// The data card's Backfill button (it asks for confirmation first); returns the notification shown afterwards.
    /// </summary>
    public string Backfill()
    {
        _browser.Click(By.CssSelector("button[name='backfill']"));
        _browser.WaitFor(driver =>
        {
            try
            {
                driver.SwitchTo().Alert().Accept();
                return true;
            }
            catch (NoAlertPresentException)
            {
                return false;
            }
        }, "the backfill confirmation");
        return WaitForNotification("after Backfill");
    }

    /// <summary>
    /// "Train models now"; returns the notification (the button waits up to 20 s for the training).
    /// </summary>
    public string Train()
    {
        _browser.Click(By.CssSelector("button[name='train']"));
        return WaitForNotification("after Train models now");
    }

    /// <summary>
    /// The rows of the status card's model table: store, newest version, trained on, served by this server.
    /// </summary>
    /// <summary>
    /// The data card's progress line of "Backfill" or "Training" once its script has filled it in from the progress
    /// endpoint (it is empty in the page's HTML), with the state it shows.
    /// </summary>
    public (string State, string Text) ProgressOf(string work, Func<string, bool> until, TimeSpan timeout)
    {
        var row = By.CssSelector($"#personalization-progress [data-work='{work}']");
        //a reference result: the wait ends on the first non-null one
        var found = _browser.WaitFor(driver =>
        {
            var element = driver.FindElements(row).FirstOrDefault();
            var text = element?.FindElement(By.CssSelector(".personalization-progress-text")).Text.Trim();
            return !string.IsNullOrEmpty(text) && until(text) ? new[] { element.GetAttribute("data-state"), text } : null;
        }, $"the {work} progress line", timeout);
        return (found[0], found[1]);
    }

    public IReadOnlyList<string[]> ModelRows()
    {
        var tables = _browser.All(By.XPath("//h5[normalize-space()='Recommendation models']/following-sibling::*[1][self::table]"));
        if (tables.Count == 0)
            return [];
        return tables[0].FindElements(By.CssSelector("tbody tr"))
            .Select(row => row.FindElements(By.CssSelector("td")).Select(cell => cell.Text.Trim()).ToArray())
            .ToList();
    }

    public bool ModelRowIsServed(int index) =>
        _browser.All(By.XPath("//h5[normalize-space()='Recommendation models']/following-sibling::*[1][self::table]//tbody/tr"))[index]
            .FindElements(By.CssSelector(".true-icon")).Count > 0;

    private string WaitForNotification(string what)
    {
        _browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .alert-danger, .alert-warning")).Count > 0,
            $"a notification {what}", TimeSpan.FromSeconds(120));
        return string.Join(" | ", _browser.All(By.CssSelector(".alert-success, .alert-danger, .alert-warning")).Select(alert => alert.Text.Trim()));
    }
}
