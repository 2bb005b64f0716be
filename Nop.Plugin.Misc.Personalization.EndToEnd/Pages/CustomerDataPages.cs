using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The admin's data-rights buttons: the plugin's export link in its customer block, and nopCommerce 4.90.6's own GDPR
/// settings page (Admin/Setting/Gdpr) and "GDPR → Delete" on the customer edit page (Areas/Admin/Views/Customer/Edit.cshtml,
/// confirmed in the delete-confirmation modal, which posts to CustomerController.GdprDelete).
/// </summary>
public static class CustomerDataPages
{
    public const string EXPORT_LINK = "#personalization-customer-export";

    /// <summary>What the browser received when it followed the block's export link with the admin's cookies.</summary>
    public sealed record Download(long Status, string ContentType, string ContentDisposition, string Body);

    public static Download DownloadExport(AdminSession admin, int customerId)
    {
        admin.Browser.Open($"Admin/Customer/Edit/{customerId}");
        var href = admin.Browser.FindPresent(By.CssSelector(EXPORT_LINK)).GetAttribute("href");
        var result = (IDictionary<string, object>)admin.Browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], { credentials: 'same-origin' })
              .then(async response => done({ status: response.status, type: response.headers.get('content-type') || '',
                                             disposition: response.headers.get('content-disposition') || '', body: await response.text() }))
              .catch(error => done({ status: -1, type: '', disposition: '', body: String(error) }));
            """, href);
        return new Download((long)result["status"], (string)result["type"], (string)result["disposition"], (string)result["body"]);
    }

    /// <summary>Ticks or unticks "GDPR enabled" and saves (when it differs); returns whether it was enabled before.</summary>
    public static bool SetGdprEnabled(AdminSession admin, bool enabled)
    {
        admin.Browser.Open("Admin/Setting/Gdpr");
        var checkbox = admin.Browser.FindPresent(By.Id("GdprEnabled"));
        var was = checkbox.Selected;
        if (was == enabled)
            return was;

        admin.Browser.Click(checkbox);
        admin.Browser.Click(By.CssSelector("button[name='save']"));
        admin.Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success")).Count > 0,
            "a success notification after saving the GDPR settings", TimeSpan.FromSeconds(60));
        return was;
    }

    /// <summary>GDPR → Delete on the customer edit page, confirmed; returns the notification shown.</summary>
    public static string GdprDelete(AdminSession admin, int customerId)
    {
        admin.Browser.Open($"Admin/Customer/Edit/{customerId}");
        admin.Browser.Click(By.XPath("//a[@id='customer-gdpr-delete']/ancestor::div[contains(@class,'btn-group')]//button[contains(@class,'dropdown-toggle')]"));
        admin.Browser.Click(By.Id("customer-gdpr-delete"));
        var confirm = admin.Browser.Find(By.CssSelector("div[id$='-GdprDelete-delete-confirmation'] button[type='submit']"));
        admin.Browser.Click(confirm);
        admin.Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .alert-danger")).Count > 0,
            "a notification after the GDPR delete", TimeSpan.FromSeconds(90));
        return admin.Notifications();
    }
}
