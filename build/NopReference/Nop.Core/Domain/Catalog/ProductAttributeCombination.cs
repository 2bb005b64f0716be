namespace Nop.Core.Domain.Catalog;

public partial class ProductAttributeCombination : BaseEntity
{
    public int ProductId { get; set; }

    public int StockQuantity { get; set; }

    public bool AllowOutOfStockOrders { get; set; }
}
