using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// Logging in from a guest session joins the guest's history to the account, so one profile spans sessions and devices.
/// Registration keeps the guest's customer id in nopCommerce, so its history needs no move.
/// </summary>
public class CustomerConsumer : IConsumer<CustomerLoggedinEvent>
{
    private readonly InteractionCapture _capture;
    private readonly IStoreContext _storeContext;

    public CustomerConsumer(InteractionCapture capture, IStoreContext storeContext)
    {
        _capture = capture;
        _storeContext = storeContext;
    }

    public async Task HandleEventAsync(CustomerLoggedinEvent eventMessage)
    {
        if (eventMessage.GuestCustomer == null)
            return;

        var store = await _storeContext.GetCurrentStoreAsync();
        await _capture.MergeGuestAsync(eventMessage.GuestCustomer, eventMessage.Customer, store.Id);
    }
}
