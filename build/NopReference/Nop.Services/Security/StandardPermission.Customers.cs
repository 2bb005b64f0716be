namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Customers
    {
        public const string CUSTOMERS_VIEW = $"{nameof(Customers)}.CustomersView";
    }
}
