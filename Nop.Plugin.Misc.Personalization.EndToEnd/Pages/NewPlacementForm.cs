using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The configuration page's "Add placement" form (Views/Placements/_PlacementForm.cshtml). Its fields share ids with
/// the settings form above it (Enabled), so every field is looked up inside this form.
/// </summary>
public static class NewPlacementForm
{
    private static readonly By _form = By.XPath("//form[.//button[@name='add-placement']]");

    /// <summary>
    /// Fills the form and clicks Add; returns the notifications and validation messages shown afterwards.
    /// </summary>
    public static string Add(Browser browser, string strategy, string widgetZone, string title, int count, int segmentId)
    {
        var form = browser.FindPresent(_form);
        Set(browser, form, "Strategy", strategy);
        Set(browser, form, "WidgetZone", widgetZone);
        Set(browser, form, "Title", title);
        Set(browser, form, "Count", count.ToString());
        Set(browser, form, "SegmentId", segmentId.ToString());
        var enabled = form.FindElement(By.CssSelector("input[type='checkbox'][name='Enabled']"));
        if (!enabled.Selected)
            browser.Click(enabled);
        browser.Click(form.FindElement(By.CssSelector("button[name='add-placement']")));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            "the page after adding a placement", TimeSpan.FromSeconds(60));
        return string.Join(" | ", browser.All(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error"))
            .Select(element => element.Text.Trim()).Where(text => text.Length > 0));
    }

    private static void Set(Browser browser, IWebElement form, string name, string value)
    {
        var field = form.FindElement(By.CssSelector($"[name='{name}']:not([type='hidden'])"));
        if (field.TagName == "select" && field.FindElements(By.CssSelector($"option[value='{value}']")).Count == 0)
            throw new AssertionException($"the placement form's {name} offers no option '{value}' (options: "
                + string.Join(", ", field.FindElements(By.TagName("option")).Select(option => option.GetAttribute("value"))) + ")");
        browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field, value);
    }
}
