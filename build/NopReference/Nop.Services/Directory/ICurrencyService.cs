using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICurrencyService
{
    Task DeleteCurrencyAsync(Currency currency);

    Task<Currency> GetCurrencyByIdAsync(int currencyId);

    Task<Currency> GetCurrencyByCodeAsync(string currencyCode);

    Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0);

    Task InsertCurrencyAsync(Currency currency);

    Task UpdateCurrencyAsync(Currency currency);

    Task<IList<ExchangeRate>> GetCurrencyLiveRatesAsync(string currencyCode = null);

    decimal ConvertCurrency(decimal amount, decimal exchangeRate);

    Task<decimal> ConvertToPrimaryStoreCurrencyAsync(decimal amount, Currency sourceCurrencyCode);

    Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode);

    Task<decimal> ConvertCurrencyAsync(decimal amount, Currency sourceCurrencyCode, Currency targetCurrencyCode);

    Task<decimal> ConvertToPrimaryExchangeRateCurrencyAsync(decimal amount, Currency sourceCurrencyCode);

    Task<decimal> ConvertFromPrimaryExchangeRateCurrencyAsync(decimal amount, Currency targetCurrencyCode);
}
