namespace Nop.Core.Domain.Catalog;

public partial class BackInStockSubscription : BaseEntity
{
    public int StoreId { get; set; }

    public int ProductId { get; set; }

    public int CustomerId { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
