using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Core.Domain.Tax;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Prices in a plugin e-mail as the recipient would see them in the shop, worked out the way nopCommerce's cart page
/// does: the unit price with their discounts, tier and role prices (and a cart line's attributes), shown with or without
/// tax as they see prices, in their currency (the one they chose when still published, else the store's first). A
/// product whose price the shop does not show (call for price, customer enters the price) gets none.
/// </summary>
public class RecipientPrices
{
    private readonly ICurrencyService _currencyService;
    private readonly ICustomerService _customerService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly ITaxService _taxService;

    public RecipientPrices(ICurrencyService currencyService,
        ICustomerService customerService,
        IPriceFormatter priceFormatter,
        IShoppingCartService shoppingCartService,
        ITaxService taxService)
    {
        _currencyService = currencyService;
        _customerService = customerService;
        _priceFormatter = priceFormatter;
        _shoppingCartService = shoppingCartService;
        _taxService = taxService;
    }

    public virtual async Task<Currency> CurrencyOfAsync(Customer customer, int storeId)
    {
        var chosen = customer?.CurrencyId > 0 ? await _currencyService.GetCurrencyByIdAsync(customer.CurrencyId.Value) : null;
        if (chosen is { Published: true })
            return chosen;

        return (await _currencyService.GetAllCurrenciesAsync(storeId: storeId)).FirstOrDefault();
    }

    /// <summary>One unit of a line of the customer's cart.</summary>
    public virtual async Task<string> CartLineAsync(ShoppingCartItem item, Product product, Customer customer, Currency currency)
    {
        if (!ShowsPrice(product))
            return string.Empty;

        var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(item, includeDiscounts: true);
        return await ShownAsync(product, unitPrice, customer, currency);
    }

    /// <summary>One unit of a product the e-mail suggests, as it would cost the customer in the store.</summary>
    public virtual async Task<string> ProductAsync(Product product, Customer customer, Store store, Currency currency)
    {
        if (!ShowsPrice(product))
            return string.Empty;

        var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(product, customer, store, ShoppingCartType.ShoppingCart, 1,
            string.Empty, decimal.Zero, null, null, includeDiscounts: true);
        return await ShownAsync(product, unitPrice, customer, currency);
    }

    /// <summary>
    /// The catalog price, for a recipient without an account (a newsletter subscriber): no customer's discounts or tax
    /// display to apply.
    /// </summary>
    public virtual async Task<string> CatalogPriceAsync(Product product, Currency currency)
    {
        if (!ShowsPrice(product))
            return string.Empty;

        return await FormatAsync(product.Price, currency);
    }

    private static bool ShowsPrice(Product product) => product is { CallForPrice: false, CustomerEntersPrice: false };

    private async Task<string> ShownAsync(Product product, decimal unitPrice, Customer customer, Currency currency)
    {
        var includingTax = await _customerService.GetCustomerTaxDisplayTypeAsync(customer) == TaxDisplayType.IncludingTax;
        var (price, _) = await _taxService.GetProductPriceAsync(product, unitPrice, includingTax, customer);
        return await FormatAsync(price, currency);
    }

    private async Task<string> FormatAsync(decimal primaryPrice, Currency currency)
    {
        if (currency == null)
            return await _priceFormatter.FormatPriceAsync(primaryPrice);

        return await _priceFormatter.FormatPriceAsync(await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(primaryPrice, currency), true, currency);
    }
}
