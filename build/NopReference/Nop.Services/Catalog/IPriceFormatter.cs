using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Directory;

namespace Nop.Services.Catalog;

public partial interface IPriceFormatter
{
    Task<string> FormatPriceAsync(decimal price);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, bool showTax);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, string currencyCode, bool showTax, int languageId);

    Task<string> FormatOrderPriceAsync(decimal price, decimal currencyRate, string customerCurrencyCode, bool displayCustomerCurrency,
        Currency primaryStoreCurrency, int languageId, bool? priceIncludesTax = null, bool? showTax = null);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, string currencyCode, int languageId, bool priceIncludesTax);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId, bool priceIncludesTax);

    Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId, bool priceIncludesTax, bool showTax);

    Task<string> FormatRentalProductPeriodAsync(Product product, string price);

    Task<string> FormatShippingPriceAsync(decimal price, bool showCurrency);

    Task<string> FormatShippingPriceAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId, bool priceIncludesTax);

    Task<string> FormatShippingPriceAsync(decimal price, bool showCurrency, string currencyCode, int languageId, bool priceIncludesTax);

    Task<string> FormatPaymentMethodAdditionalFeeAsync(decimal price, bool showCurrency);

    Task<string> FormatPaymentMethodAdditionalFeeAsync(decimal price, bool showCurrency, Currency targetCurrency, int languageId, bool priceIncludesTax);

    Task<string> FormatPaymentMethodAdditionalFeeAsync(decimal price, bool showCurrency, string currencyCode, int languageId, bool priceIncludesTax);

    string FormatTaxRate(decimal taxRate);

    Task<string> FormatBasePriceAsync(Product product, decimal? productPrice, decimal? totalWeight = null);
}
