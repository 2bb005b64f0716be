using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// Admin → Configuration → Languages (nopCommerce 4.90.6 Areas/Admin/Views/Language): adding a published language
/// for every store, and deleting it again through the edit page's delete confirmation.
/// </summary>
public static class AdminLanguages
{
    public static string Add(AdminSession admin, string name, string culture, string seoCode)
    {
        var browser = admin.Browser;
        browser.Open("Admin/Language/Create");
        browser.Fill(By.Id("Name"), name);
        var cultures = browser.FindPresent(By.Id("LanguageCulture"));
        browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", cultures, culture);
        browser.Fill(By.Id("UniqueSeoCode"), seoCode);
        var published = browser.FindPresent(By.CssSelector("input[type='checkbox'][name='Published']"));
        if (!published.Selected)
            browser.Click(published);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after adding the language '{name}'", TimeSpan.FromSeconds(60));
        return admin.Notifications();
    }

    public static string Delete(AdminSession admin, int languageId)
    {
        var browser = admin.Browser;
        browser.Open($"Admin/Language/Edit/{languageId}");
        var form = browser.FindPresent(By.CssSelector($"form[action$='/Language/Delete/{languageId}']"));
        browser.Driver.ExecuteScript("arguments[0].submit();", form);
        browser.WaitFor(driver => driver.Url.Contains("/Language/List", StringComparison.OrdinalIgnoreCase)
                || driver.FindElements(By.CssSelector(".alert")).Count > 0,
            $"the page after deleting language {languageId}", TimeSpan.FromSeconds(60));
        return admin.Notifications();
    }
}
