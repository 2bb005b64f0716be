using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>The placement edit page's "Enabled" box, set and saved as the owner does.</summary>
public static class PlacementSwitch
{
    public static string Set(AdminSession admin, int placementId, bool enabled)
    {
        var browser = admin.Browser;
        browser.Open($"Admin/PersonalizationPlacement/Edit/{placementId}");
        var box = browser.FindPresent(By.Id("Enabled"));
        if (box.Selected != enabled)
            browser.Driver.ExecuteScript("arguments[0].checked = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", box, enabled);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after saving placement {placementId}", TimeSpan.FromSeconds(60));
        return admin.Notifications();
    }
}
