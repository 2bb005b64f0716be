using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// One checkbox of an admin settings form (the plugin's configuration, nopCommerce's catalog settings …) set and saved
/// the way the owner does it; nothing is written when it already has the wanted state.
/// </summary>
public sealed class AdminCheckboxSetting
{
    private readonly AdminSession _admin;
    private readonly string _url;
    private readonly string _field;

    public AdminCheckboxSetting(AdminSession admin, string url, string field)
    {
        _admin = admin;
        _url = url;
        _field = field;
    }

    public bool? Current { get; private set; }

    public void Set(bool on)
    {
        if (Current == on)
            return;

        var browser = _admin.Browser;
        browser.Open(_url);
        var checkbox = browser.FindPresent(By.Id(_field));
        if (checkbox.Selected != on)
        {
            //advanced settings may be collapsed: set the posted input itself
            browser.Driver.ExecuteScript("arguments[0].checked = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", checkbox, on);
            browser.Click(By.CssSelector("button[name='save']"));
            browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .validation-summary-errors li")).Count > 0,
                $"the settings page after saving {_field}", TimeSpan.FromSeconds(60));
            browser.Exists(By.CssSelector(".validation-summary-errors li")).Should().BeFalse($"saving {_field}={on} on {_url} must succeed");
        }

        Current = on;
    }
}
