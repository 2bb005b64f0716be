namespace Nop.Core.Domain.Customers;

public partial class CustomerLoggedinEvent
{
    public CustomerLoggedinEvent(Customer customer, Customer guestCustomer = null)
    {
        Customer = customer;
        GuestCustomer = guestCustomer;
    }

    public Customer Customer { get; }

    public Customer GuestCustomer { get; }
}
