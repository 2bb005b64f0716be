using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The new-segment form (Views/Segments/Edit.cshtml), reached from the segments card's "Add new" button.
/// </summary>
public static class SegmentCreatePage
{
    /// <summary>
    /// Add new, type the name and the rule, Save; returns what the page showed afterwards (a rule error stays on the form).
    /// </summary>
    public static string Add(ConfigurationPage configuration, Browser browser, string name, string rule)
    {
        configuration.Open();
        browser.Click(By.CssSelector("a[href*='PersonalizationSegment/Create']"));
        browser.Fill(By.CssSelector("input[name='Name']"), name);
        browser.Fill(By.CssSelector("textarea[name='Rule']"), rule);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after saving the new segment '{name}'", TimeSpan.FromSeconds(60));
        return string.Join(" | ", browser.All(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error"))
            .Select(element => element.Text.Trim()).Where(text => text.Length > 0));
    }

    /// <summary>The rule help shown beside the rule box on the form (Plugins.Misc.Personalization.Segments.RuleHelp).</summary>
    public static string RuleHelp(Browser browser) =>
        string.Join(" ", browser.All(By.XPath("//textarea[@name='Rule']/ancestor::div[contains(@class,'form-group')][1]//*[self::p or self::li]"))
            .Select(element => element.GetAttribute("textContent")));
}
