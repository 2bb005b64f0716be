using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Services.Catalog;
using Nop.Services.Directory;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// Catalog prices (kept in the primary store currency) shown in the customer's currency: the one they chose when it is
/// still published, else the store's first published one, as nopCommerce picks a working currency.
/// </summary>
public class AbandonedCartPrices
{
    private readonly ICurrencyService _currencyService;
    private readonly IPriceFormatter _priceFormatter;

    public AbandonedCartPrices(ICurrencyService currencyService, IPriceFormatter priceFormatter)
    {
        _currencyService = currencyService;
        _priceFormatter = priceFormatter;
    }

    public virtual async Task<Currency> CurrencyOfAsync(Customer customer, int storeId)
    {
        var chosen = customer.CurrencyId > 0 ? await _currencyService.GetCurrencyByIdAsync(customer.CurrencyId.Value) : null;
        if (chosen is { Published: true })
            return chosen;

        return (await _currencyService.GetAllCurrenciesAsync(storeId: storeId)).FirstOrDefault();
    }

    public virtual async Task<string> FormatAsync(decimal primaryPrice, Currency currency)
    {
        if (currency == null)
            return await _priceFormatter.FormatPriceAsync(primaryPrice);

        return await _priceFormatter.FormatPriceAsync(await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(primaryPrice, currency), true, currency);
    }
}
