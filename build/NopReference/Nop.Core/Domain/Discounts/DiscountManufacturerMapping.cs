namespace Nop.Core.Domain.Discounts;

public partial class DiscountManufacturerMapping : DiscountMapping
{
    public override int EntityId { get; set; }
}
