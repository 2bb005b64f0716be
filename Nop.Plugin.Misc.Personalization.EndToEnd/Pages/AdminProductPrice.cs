using System.Globalization;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// A product's price changed on nopCommerce's product edit page (Admin/Product/Edit), saved as the owner saves it.
/// </summary>
public static class AdminProductPrice
{
    public static decimal Read(AdminSession admin, int productId)
    {
        admin.Browser.Open($"Admin/Product/Edit/{productId}");
        var value = admin.Browser.FindPresent(By.Id("Price")).GetAttribute("value");
        return decimal.Parse(value, CultureInfo.InvariantCulture);
    }

    public static void Set(AdminSession admin, int productId, decimal price)
    {
        var browser = admin.Browser;
        browser.Open($"Admin/Product/Edit/{productId}");
        var input = browser.FindPresent(By.Id("Price"));
        //the prices panel may be collapsed: set the posted input itself
        browser.Driver.ExecuteScript("arguments[0].value = arguments[1];", input, price.ToString(CultureInfo.InvariantCulture));
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .validation-summary-errors li")).Count > 0,
            $"the product list after saving the price of product {productId}", TimeSpan.FromSeconds(60));
        browser.Exists(By.CssSelector(".validation-summary-errors li")).Should().BeFalse($"saving the price of product {productId} must succeed");
    }
}
