using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICurrencyService
{
    Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode);
}
