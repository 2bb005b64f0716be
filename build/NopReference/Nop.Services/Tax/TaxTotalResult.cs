namespace Nop.Services.Tax;

public partial class TaxTotalResult : BaseNopResult
{
    public decimal TaxTotal { get; set; }
}
