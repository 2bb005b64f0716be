using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// A segment's edit page (Views/Segments/Edit.cshtml), reached from its row on the configuration page's segments card.
/// </summary>
public static class SegmentEditPage
{
    /// <summary>
    /// Edit in the segment's row, choose the role to keep in sync, Save; returns what the page showed afterwards.
    /// </summary>
    public static string SyncToRole(ConfigurationPage configuration, Browser browser, string segmentName, int roleId)
    {
        OpenEdit(configuration, browser, segmentName);
        var select = browser.FindPresent(By.CssSelector("select[name='CustomerRoleId']"));
        if (select.FindElements(By.CssSelector($"option[value='{roleId}']")).Count == 0)
            throw new AssertionException($"the segment's role list offers no role {roleId}: "
                + string.Join(", ", select.FindElements(By.TagName("option")).Select(o => $"{o.GetAttribute("value")}={o.Text}")));
        browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", select, roleId.ToString());
        return Save(browser, segmentName);
    }

    /// <summary>
    /// Edit in the segment's row and Save unchanged: the owner's way to have the segments counted at the next training.
    /// </summary>
    public static string SaveUnchanged(ConfigurationPage configuration, Browser browser, string segmentName)
    {
        OpenEdit(configuration, browser, segmentName);
        return Save(browser, segmentName);
    }

    private static void OpenEdit(ConfigurationPage configuration, Browser browser, string segmentName)
    {
        configuration.Open();
        var row = browser.All(By.XPath($"//table[thead/tr/th[normalize-space()='{SegmentsCard.SIZE_HEADER}']]/tbody/tr"))
            .FirstOrDefault(tr => tr.FindElement(By.CssSelector("td")).Text.Trim() == segmentName)
            ?? throw new AssertionException($"no row for segment '{segmentName}' on the segments card");
        browser.Click(row.FindElement(By.CssSelector("a.btn")));
        browser.FindPresent(By.CssSelector("select[name='CustomerRoleId']"));
    }

    private static string Save(Browser browser, string segmentName)
    {
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after saving segment '{segmentName}'", TimeSpan.FromSeconds(60));
        return string.Join(" | ", browser.All(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error"))
            .Select(element => element.Text.Trim()).Where(text => text.Length > 0));
    }
}
