namespace Nop.Core.Domain.Directory;

public partial class ExchangeRate
{
    public string CurrencyCode { get; set; }

    public decimal Rate { get; set; }

    public DateTime UpdatedOn { get; set; }
}
