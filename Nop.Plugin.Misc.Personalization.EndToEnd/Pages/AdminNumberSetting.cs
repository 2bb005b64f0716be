using System.Globalization;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// One number field of an admin settings form set and saved the way the owner does it; nothing is written when it
/// already has the wanted value.
/// </summary>
public sealed class AdminNumberSetting
{
    private readonly AdminSession _admin;
    private readonly string _url;
    private readonly string _field;

    public AdminNumberSetting(AdminSession admin, string url, string field)
    {
        _admin = admin;
        _url = url;
        _field = field;
    }

    public int? Current { get; private set; }

    public void Set(int value)
    {
        if (Current == value)
            return;

        var browser = _admin.Browser;
        browser.Open(_url);
        var input = browser.FindPresent(By.Id(_field));
        if (input.GetAttribute("value") != value.ToString(CultureInfo.InvariantCulture))
        {
            browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input,
                value.ToString(CultureInfo.InvariantCulture));
            browser.Click(By.CssSelector("button[name='save']"));
            browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .validation-summary-errors li")).Count > 0,
                $"the settings page after saving {_field}", TimeSpan.FromSeconds(60));
            browser.Exists(By.CssSelector(".validation-summary-errors li")).Should().BeFalse($"saving {_field}={value} on {_url} must succeed");
        }

        Current = value;
    }
}
