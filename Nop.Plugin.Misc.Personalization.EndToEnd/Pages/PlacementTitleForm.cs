using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The placement edit page's title tabs (Views/Placements/_PlacementForm.cshtml through nopCommerce's localized
/// editor): one tab per language once the shop has two or more.
/// </summary>
public static class PlacementTitleForm
{
    public static string SetTitle(AdminSession admin, int placementId, int languageId, string title)
    {
        var browser = admin.Browser;
        browser.Open($"Admin/PersonalizationPlacement/Edit/{placementId}");
        var language = browser.FindPresent(By.CssSelector($"input[type='hidden'][name^='Locales['][name$='].LanguageId'][value='{languageId}']"));
        var prefix = language.GetAttribute("name")[..^".LanguageId".Length];
        var field = browser.FindPresent(By.CssSelector($"input[name='{prefix}.Title']"));
        //the language's tab is not the open one: set the field the way a click on the tab and typing would
        browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field, title);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after saving placement {placementId}", TimeSpan.FromSeconds(60));
        return admin.Notifications();
    }
}
