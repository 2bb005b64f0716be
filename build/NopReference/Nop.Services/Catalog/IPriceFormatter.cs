using Nop.Core.Domain.Directory;

namespace Nop.Services.Catalog;

public partial interface IPriceFormatter
{
    Task<string> FormatPriceAsync(decimal price, bool showCurrency, Currency targetCurrency);
}
