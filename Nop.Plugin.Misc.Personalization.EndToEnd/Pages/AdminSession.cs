using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// The shop owner in the admin area: logs in through the storefront's login form and clicks what an owner clicks.
/// Names of forms and buttons are nopCommerce 4.90.6's own (Areas/Admin/Views/Plugin/List.cshtml and friends).
/// </summary>
public sealed class AdminSession : IDisposable
{
    public const string PLUGIN_LIST = "Admin/Plugin/List";

    private readonly E2eEnvironment _environment;

    private AdminSession(E2eEnvironment environment, Browser browser)
    {
        _environment = environment;
        Browser = browser;
    }

    public Browser Browser { get; }

    public static AdminSession LogIn(E2eEnvironment environment)
    {
        var browser = Browser.Start(environment);
        try
        {
            var session = new AdminSession(environment, browser);
            session.LogInAgain();
            return session;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Logs in (again: a restart of the shop keeps the auth cookie valid, but a fresh browser needs this).
    /// </summary>
    public void LogInAgain()
    {
        Browser.Open("login?returnUrl=%2Fadmin");
        Browser.Fill(By.Id("Email"), _environment.AdminEmail);
        Browser.Fill(By.Id("Password"), _environment.AdminPassword);
        Browser.Click(By.CssSelector("button.login-button"));
        Browser.WaitFor(driver => driver.Url.Contains("/admin", StringComparison.OrdinalIgnoreCase) && driver.FindElements(By.CssSelector(".main-sidebar, .content-wrapper")).Count > 0,
            "the admin area after logging in as " + _environment.AdminEmail, TimeSpan.FromSeconds(60));
    }

    public void OpenPluginList()
    {
        Browser.Open(PLUGIN_LIST);
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector("#plugins-local-grid tbody tr")).Count > 0
                && driver.FindElements(By.CssSelector("#plugins-local-grid .dataTables_empty, #plugins-local-grid_processing[style*='block']")).Count == 0,
            "the local plugins grid", TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// "Upload plugin or theme" with the zip; returns the notification the shop showed.
    /// </summary>
    public string UploadPlugin(string zipPath)
    {
        OpenPluginList();
        Browser.Click(By.CssSelector("button[name='uploadplugin']"));
        var file = Browser.Find(By.Id("archivefile"));
        file.SendKeys(Path.GetFullPath(zipPath));
        Browser.Click(By.Id("upload-plugin"));
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .alert-danger")).Count > 0,
            "a notification after uploading the plugin", TimeSpan.FromSeconds(90));
        return Notifications();
    }

    public IWebElement PluginRowButton(string namePrefix, string systemName) =>
        Browser.Find(By.CssSelector($"#plugins-local-grid button[name='{namePrefix}{systemName}']"));

    public bool HasPluginRowButton(string namePrefix, string systemName) =>
        Browser.Exists(By.CssSelector($"#plugins-local-grid button[name='{namePrefix}{systemName}']"));

    /// <summary>
    /// Install or Uninstall in the plugin's row; nopCommerce applies it when the application restarts.
    /// </summary>
    public string ClickInPluginRow(string namePrefix, string systemName)
    {
        OpenPluginList();
        Browser.Click(PluginRowButton(namePrefix, systemName));
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector("button[name='plugin-apply-changes']")).Count > 0,
            $"the 'Restart application to apply changes' button after {namePrefix}{systemName}", TimeSpan.FromSeconds(90));
        return Notifications();
    }

    /// <summary>
    /// "Restart application to apply changes": nopCommerce uninstalls what is marked, then stops its own process (there
    /// is no IIS to start it again here). The caller starts the shop again.
    /// </summary>
    public void ApplyChangesAndRestart(ShopProcess shop)
    {
        Browser.Click(By.CssSelector("button[name='plugin-apply-changes']"));
        shop.WaitUntilStoppedAsync(TimeSpan.FromMinutes(3)).GetAwaiter().GetResult();
        shop.RestartAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The Configure link of a plugin's row in the list (the URL the plugin gives nopCommerce).
    /// </summary>
    public string ConfigureUrlOf(string friendlyName)
    {
        OpenPluginList();
        var row = Browser.All(By.CssSelector("#plugins-local-grid tbody tr"))
            .FirstOrDefault(tr => tr.Text.Contains(friendlyName, StringComparison.Ordinal) && tr.FindElements(By.CssSelector("a.btn[href*='/']")).Count > 0)
            ?? throw new AssertionException($"no row with a Configure link for '{friendlyName}' in the plugin list");
        return row.FindElements(By.CssSelector("a.btn")).Select(a => a.GetAttribute("href"))
            .First(href => href != null && !href.StartsWith("javascript:", StringComparison.Ordinal));
    }

    public string Notifications() =>
        string.Join(" | ", Browser.All(By.CssSelector(".alert")).Select(alert => alert.Text.Trim()).Where(text => text.Length > 0));

    public void Dispose() => Browser.Dispose();
}
