using System.Globalization;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// A product's own stock changed on nopCommerce's product edit page (Admin/Product/Edit, inventory panel), saved as the
/// owner saves it: stock managed on the product, no backorders, the given quantity.
/// </summary>
public static class AdminProductStock
{
    /// <summary>The inventory method (as its number) and the quantity the edit page shows.</summary>
    public static (string Method, int Quantity) Read(AdminSession admin, int productId)
    {
        admin.Browser.Open($"Admin/Product/Edit/{productId}");
        var method = admin.Browser.FindPresent(By.Id("ManageInventoryMethodId")).GetAttribute("value");
        var quantity = admin.Browser.FindPresent(By.Id("StockQuantity")).GetAttribute("value");
        return (method, int.Parse(quantity, CultureInfo.InvariantCulture));
    }

    public static void Set(AdminSession admin, int productId, int quantity, string method = "1")
    {
        var browser = admin.Browser;
        browser.Open($"Admin/Product/Edit/{productId}");
        //the inventory panel may be collapsed and its fields hidden until stock is managed: set the posted inputs themselves
        foreach (var (field, value) in new[] { ("ManageInventoryMethodId", method), ("BackorderModeId", "0"), ("StockQuantity", quantity.ToString(CultureInfo.InvariantCulture)) })
            browser.Driver.ExecuteScript("arguments[0].value = arguments[1];", browser.FindPresent(By.Id(field)), value);
        browser.Click(By.CssSelector("button[name='save']"));
        browser.WaitFor(driver => driver.FindElements(By.CssSelector(".alert-success, .validation-summary-errors li")).Count > 0,
            $"the product list after saving the stock of product {productId}", TimeSpan.FromSeconds(60));
        browser.Exists(By.CssSelector(".validation-summary-errors li")).Should().BeFalse($"saving the stock of product {productId} must succeed");
    }
}
