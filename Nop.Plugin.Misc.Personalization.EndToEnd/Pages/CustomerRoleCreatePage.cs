using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// Admin → Customers → Customer roles → Add new (nopCommerce 4.90.6 Areas/Admin/Views/CustomerRole/Create.cshtml): a
/// role by name, active, with no permission (permissions are granted on the ACL page, which the owner does not visit).
/// </summary>
public static class CustomerRoleCreatePage
{
    public static string Add(AdminSession admin, string name)
    {
        var browser = admin.Browser;
        browser.Open("Admin/CustomerRole/Create");
        browser.Fill(By.Id("Name"), name);
        var active = browser.FindPresent(By.CssSelector("input[type='checkbox'][name='Active']"));
        if (!active.Selected)
            browser.Click(active);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert, .validation-summary-errors li, .field-validation-error")).Count > 0,
            $"the page after adding the customer role '{name}'", TimeSpan.FromSeconds(60));
        return admin.Notifications();
    }
}
