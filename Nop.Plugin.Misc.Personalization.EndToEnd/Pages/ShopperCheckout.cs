using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

/// <summary>
/// Checkout through nopCommerce's one-page checkout (Views/Checkout/OnePageCheckout.cshtml): billing address (shipping
/// to the same address), the first shipping option, Check / Money Order, confirm.
/// </summary>
public sealed partial class ShopperSession
{
    private static readonly TimeSpan _checkoutStepTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Checks out the current cart; returns the new order's id.
    /// </summary>
    public async Task<int> CheckOutAsync()
    {
        var customerId = await CustomerIdAsync();
        var lastOrder = await LastOrderIdAsync(customerId);

        OpenCart();
        var terms = Browser.All(By.Id("termsofservice"));
        if (terms.Count > 0 && !terms[0].Selected)
            Browser.Click(terms[0]);
        Browser.Click(By.Id("checkout"));

        //a guest is asked first whether to log in; this flow checks out as a guest then
        Browser.WaitFor(driver => driver.FindElements(By.CssSelector("#checkout-step-billing, .checkout-as-guest-button")).Any(e => e.Displayed),
            $"{Name}: the checkout page", _checkoutStepTimeout);
        if (Browser.All(By.CssSelector(".checkout-as-guest-button")).Any(e => e.Displayed))
            Browser.Click(By.CssSelector(".checkout-as-guest-button"));

        FillBillingAddress();
        ContinueIn("billing-buttons-container", "button.new-address-next-step-button");

        StepVisible("checkout-step-shipping-method");
        Browser.Click(Browser.FindPresent(By.CssSelector("input[name='shippingoption']")));
        ContinueIn("shipping-method-buttons-container", "button.shipping-method-next-step-button");

        var next = Browser.WaitFor(driver => new[] { "checkout-step-payment-method", "checkout-step-payment-info" }
                .FirstOrDefault(id => driver.FindElements(By.Id(id)).Any(e => e.Displayed)),
            $"{Name}: the payment step", _checkoutStepTimeout);
        if (next == "checkout-step-payment-method")
        {
            Browser.Click(Browser.FindPresent(By.CssSelector("input[name='paymentmethod'][value='Payments.CheckMoneyOrder']")));
            ContinueIn("payment-method-buttons-container", "button.payment-method-next-step-button");
        }

        StepVisible("checkout-step-payment-info");
        ContinueIn("payment-info-buttons-container", "button.payment-info-next-step-button");

        StepVisible("checkout-step-confirm-order");
        var confirmTerms = Browser.All(By.CssSelector("#checkout-step-confirm-order #termsofservice"));
        if (confirmTerms.Count > 0 && !confirmTerms[0].Selected)
            Browser.Click(confirmTerms[0]);
        ContinueIn("confirm-order-buttons-container", "button.confirm-order-next-step-button");

        Browser.WaitFor(driver => driver.FindElements(By.CssSelector(".order-completed-page")).Count > 0,
            $"{Name}: the order-completed page", TimeSpan.FromSeconds(90));

        return await Poll.UntilAsync(() => LastOrderIdAsync(customerId), id => id > lastOrder, TimeSpan.FromSeconds(10),
            $"{Name}: a new order of customer {customerId}");
    }

    private Task<int> LastOrderIdAsync(int customerId) =>
        _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Order\" WHERE \"CustomerId\" = @c", ("c", customerId));

    private void FillBillingAddress()
    {
        StepVisible("checkout-step-billing");
        var saved = Browser.All(By.Id("billing-address-select"));
        if (saved.Count > 0 && saved[0].Displayed && new SelectElement(saved[0]).SelectedOption.GetAttribute("value") != "")
            return;

        FillEmpty("BillingNewAddress_FirstName", "Erin");
        FillEmpty("BillingNewAddress_LastName", "Endtoend");
        FillEmpty("BillingNewAddress_Email", $"{Name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com");

        var country = Browser.All(By.Id("BillingNewAddress_CountryId"));
        if (country.Count > 0)
        {
            var select = new SelectElement(country[0]);
            var usa = select.Options.FirstOrDefault(o => o.Text.Contains("United States", StringComparison.Ordinal))
                ?? select.Options.First(o => o.GetAttribute("value") is { Length: > 0 } v && v != "0");
            select.SelectByValue(usa.GetAttribute("value"));
            Browser.WaitFor(driver => driver.FindElements(By.CssSelector("#BillingNewAddress_StateProvinceId option")).Count > 0
                    || driver.FindElements(By.Id("BillingNewAddress_StateProvinceId")).Count == 0,
                $"{Name}: the states of the chosen country");
            var states = Browser.All(By.Id("BillingNewAddress_StateProvinceId"));
            if (states.Count > 0)
            {
                var stateSelect = new SelectElement(states[0]);
                var state = stateSelect.Options.FirstOrDefault(o => o.GetAttribute("value") is { Length: > 0 } v && v != "0");
                if (state != null)
                    stateSelect.SelectByValue(state.GetAttribute("value"));
            }
        }

        FillEmpty("BillingNewAddress_City", "Testville");
        FillEmpty("BillingNewAddress_Address1", "1 Test Street");
        FillEmpty("BillingNewAddress_ZipPostalCode", "10001");
        FillEmpty("BillingNewAddress_PhoneNumber", "5550100");
    }

    private void FillEmpty(string id, string value)
    {
        var inputs = Browser.All(By.Id(id));
        if (inputs.Count > 0 && inputs[0].Displayed && string.IsNullOrEmpty(inputs[0].GetAttribute("value")))
            inputs[0].SendKeys(value);
    }

    private void StepVisible(string id) =>
        Browser.WaitFor(driver => driver.FindElements(By.Id(id)).Any(e => e.Displayed), $"{Name}: checkout step {id}", _checkoutStepTimeout);

    private void ContinueIn(string container, string button)
    {
        Browser.Click(Browser.Find(By.CssSelector($"#{container} {button}")));
        //the step is done when its own buttons are hidden again (the next step opened) or the page changed
        Browser.WaitFor(driver => !driver.FindElements(By.Id(container)).Any(e => e.Displayed)
                || driver.FindElements(By.CssSelector(".order-completed-page")).Count > 0,
            $"{Name}: the checkout step after {container} (errors shown: {ShownErrors()})", _checkoutStepTimeout);
    }

    private string ShownErrors() => string.Join("; ", Browser.All(By.CssSelector(".message-error li, .field-validation-error"))
        .Select(e => e.Text).Where(t => t.Length > 0));
}
