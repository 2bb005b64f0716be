namespace Nop.Core.Domain.Tax;

public enum TaxDisplayType
{
    IncludingTax = 0,

    ExcludingTax = 10
}
