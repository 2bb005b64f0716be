namespace Nop.Core.Domain.Customers;

public partial class CustomerCustomerRoleMapping : BaseEntity
{
    public int CustomerId { get; set; }

    public int CustomerRoleId { get; set; }
}
