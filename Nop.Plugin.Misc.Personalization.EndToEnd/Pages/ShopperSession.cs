using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// One visitor of the storefront in a browser of their own: a guest until they register or log in. Every action waits
/// until the shop has done it (a page rendered, a cart row in the database), never a fixed time.
/// </summary>
public sealed partial class ShopperSession : IDisposable
{
    public const string CUSTOMER_COOKIE = ".Nop.Customer";
    public const int SHOPPING_CART = 1;
    public const int WISHLIST = 2;

    private static readonly TimeSpan _cartTimeout = TimeSpan.FromSeconds(30);

    private readonly ShopDatabase _database;

    private ShopperSession(Browser browser, ShopDatabase database, string name)
    {
        Browser = browser;
        _database = database;
        Name = name;
    }

    public Browser Browser { get; }

    public string Name { get; }

    public static ShopperSession Start(E2eEnvironment environment, ShopDatabase database, string name)
    {
        var browser = Browser.Start(environment);
        var shopper = new ShopperSession(browser, database, name);
        shopper.OpenHome();
        return shopper;
    }

    /// <summary>
    /// The GUID in nopCommerce's visitor cookie: the customer this browser is, guest or registered.
    /// </summary>
    public Guid CustomerGuid => Guid.TryParse(Browser.Cookie(CUSTOMER_COOKIE), out var guid)
        ? guid
        : throw new AssertionException($"{Name}: no {CUSTOMER_COOKIE} cookie holding a GUID (cookies: {string.Join(", ", Browser.Driver.Manage().Cookies.AllCookies.Select(c => c.Name))})");

    public async Task<int> CustomerIdAsync()
    {
        var guid = CustomerGuid;
        return await Poll.UntilAsync(() => _database.CustomerIdByGuidAsync(guid), id => id > 0, TimeSpan.FromSeconds(10),
            $"the customer row of {Name}'s cookie {guid}");
    }

    public void OpenHome()
    {
        Browser.Open("");
        Browser.FindPresent(By.CssSelector(".home-page"));
    }

    public void ViewProduct(ShopProduct product)
    {
        Browser.Open(product.Slug);
        Browser.FindPresent(By.CssSelector($".product-details-page #product-details-form, #add-to-cart-button-{product.Id}"));
    }

    public void ViewCategory(ShopProduct product)
    {
        Browser.Open(product.CategorySlug);
        Browser.FindPresent(By.CssSelector(".category-page"));
    }

    public void Search(string term, int? orderBy = null)
    {
        Browser.Open("search?q=" + Uri.EscapeDataString(term) + (orderBy is { } order ? $"&orderby={order}" : ""));
        Browser.FindPresent(By.CssSelector(".search-page"));
    }

    /// <summary>
    /// "Add to cart" on the product page with the quantity typed in; done when the cart row holds that quantity more.
    /// </summary>
    public async Task AddToCartAsync(ShopProduct product, int quantity = 1)
    {
        var before = await CartQuantityAsync(product.Id, SHOPPING_CART);
        ViewProduct(product);
        Browser.Fill(By.Id($"product_enteredQuantity_{product.Id}"), quantity.ToString());
        Browser.Click(By.Id($"add-to-cart-button-{product.Id}"));
        await WaitForCartQuantityAsync(product.Id, SHOPPING_CART, before + quantity, "after adding to the cart");
    }

    public async Task AddToWishlistAsync(ShopProduct product)
    {
        ViewProduct(product);
        Browser.Click(By.Id($"add-to-wishlist-button-{product.Id}"));
        await WaitForCartQuantityAsync(product.Id, WISHLIST, 1, "after adding to the wishlist", atLeast: true);
    }

    public void OpenCart()
    {
        Browser.Open("cart");
        Browser.FindPresent(By.CssSelector(".shopping-cart-page"));
    }

    /// <summary>
    /// Types a new quantity into the cart line (the cart page submits its form on change).
    /// </summary>
    public async Task ChangeCartQuantityAsync(ShopProduct product, int quantity)
    {
        OpenCart();
        var input = CartLine(product).FindElement(By.CssSelector("input.qty-input, select.qty-dropdown"));
        Browser.Driver.ExecuteScript("arguments[0].value = arguments[1]; $('#updatecart').trigger('click');", input, quantity.ToString());
        await WaitForCartQuantityAsync(product.Id, SHOPPING_CART, quantity, "after changing the quantity on the cart page");
        Browser.FindPresent(By.CssSelector(".shopping-cart-page"));
    }

    public async Task RemoveFromCartAsync(ShopProduct product)
    {
        OpenCart();
        Browser.Click(CartLine(product).FindElement(By.CssSelector("button.remove-btn")));
        await WaitForCartQuantityAsync(product.Id, SHOPPING_CART, 0, "after removing it on the cart page");
        Browser.FindPresent(By.CssSelector(".shopping-cart-page"));
    }

    public async Task<int> CartQuantityAsync(int productId, int cartType)
    {
        var customerId = await _database.CustomerIdByGuidAsync(CustomerGuid);
        return await _database.ScalarAsync<int>("""
            SELECT COALESCE(SUM("Quantity"), 0) FROM "ShoppingCartItem"
            WHERE "CustomerId" = @c AND "ProductId" = @p AND "ShoppingCartTypeId" = @t
            """, ("c", customerId), ("p", productId), ("t", cartType));
    }

    /// <summary>
    /// nopCommerce's register form with the fields the sample data requires (first and last name, e-mail, password).
    /// </summary>
    public void Register(string email, string password)
    {
        Browser.Open("register");
        Browser.FindPresent(By.CssSelector(".registration-page"));
        FillIfPresent("FirstName", "Erin");
        FillIfPresent("LastName", "Endtoend");
        Browser.Fill(By.Id("Email"), email);
        FillIfPresent("ConfirmEmail", email);
        Browser.Fill(By.Id("Password"), password);
        Browser.Fill(By.Id("ConfirmPassword"), password);
        var consent = Browser.All(By.Id("accept-consent"));
        if (consent.Count > 0 && !consent[0].Selected)
            Browser.Click(consent[0]);
        Browser.Click(By.Id("register-button"));
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".registration-result-page")).Count > 0
                || driver.FindElements(By.CssSelector(".message-error li, .field-validation-error")).Count > 0,
            $"{Name}: the registration result", TimeSpan.FromSeconds(60));
        var errors = Browser.All(By.CssSelector(".message-error li, .field-validation-error")).Select(e => e.Text).Where(t => t.Length > 0).ToList();
        if (errors.Count > 0)
            Assert.Fail($"{Name}: registration of {email} was refused: {string.Join("; ", errors)}");
    }

    public void LogIn(string email, string password)
    {
        Browser.Open("login");
        Browser.Fill(By.Id("Email"), email);
        Browser.Fill(By.Id("Password"), password);
        Browser.Click(By.CssSelector("button.login-button"));
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".ico-logout")).Count > 0
                || driver.FindElements(By.CssSelector(".message-error")).Count > 0,
            $"{Name}: the page after logging in as {email}", TimeSpan.FromSeconds(60));
        if (Browser.Exists(By.CssSelector(".message-error")))
            Assert.Fail($"{Name}: login as {email} failed: {Browser.Find(By.CssSelector(".message-error")).Text}");
    }

    public void LogOut()
    {
        Browser.Open("logout");
        Browser.FindPresent(By.CssSelector(".ico-login"));
    }

    public void Dispose() => Browser.Dispose();

    /// <summary>The unit price the cart page shows on the line of <paramref name="product"/>.</summary>
    public string CartUnitPrice(ShopProduct product)
    {
        OpenCart();
        return CartLine(product).FindElement(By.CssSelector(".product-unit-price")).Text.Trim();
    }

    private IWebElement CartLine(ShopProduct product) =>
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".shopping-cart-page .cart tbody tr"))
                .FirstOrDefault(row => row.FindElements(By.CssSelector($"a[href$='/{product.Slug}']")).Count > 0),
            $"{Name}: the cart line of {product.Name}");

    private void FillIfPresent(string id, string value)
    {
        if (Browser.All(By.Id(id)).Any(element => element.Displayed))
            Browser.Fill(By.Id(id), value);
    }

    private async Task WaitForCartQuantityAsync(int productId, int cartType, int expected, string what, bool atLeast = false)
    {
        await Poll.UntilAsync(() => CartQuantityAsync(productId, cartType), quantity => atLeast ? quantity >= expected : quantity == expected,
            _cartTimeout, $"{Name}: quantity {expected} of product {productId} in cart type {cartType} {what}");
    }
}
