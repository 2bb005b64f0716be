namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Customers
    {
        public const string CUSTOMERS_VIEW = $"{nameof(Customers)}.CustomersView";
        public const string CUSTOMERS_CREATE_EDIT_DELETE = $"{nameof(Customers)}.CustomersCreateEditDelete";
        public const string CUSTOMER_ROLES_CREATE_EDIT_DELETE = $"{nameof(Customers)}.CustomerRolesCreateEditDelete";
    }
}
