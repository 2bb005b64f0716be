using Nop.Core.Domain.Customers;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.Replenishment;

/// <summary>
/// What the one-click links of a reminder do once confirmed: stop reminders for the customer in one store, or end every
/// newsletter subscription of the customer's address in one store.
/// </summary>
public class ReminderOptOut
{
    private readonly ICustomerService _customerService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    private readonly TimeProvider _timeProvider;

    public ReminderOptOut(ICustomerService customerService,
        IGenericAttributeService genericAttributeService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _genericAttributeService = genericAttributeService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _timeProvider = timeProvider;
    }

    /// <returns>False when the customer no longer exists.</returns>
    public virtual async Task<bool> StopRemindersAsync(int customerId, int storeId)
    {
        var customer = await CustomerAsync(customerId);
        if (customer == null)
            return false;

        if (await IsStoppedAsync(customer, storeId))
            return true;

        await _genericAttributeService.SaveAttributeAsync<DateTime?>(customer, PersonalizationDefaults.RemindersStoppedAttribute,
            _timeProvider.GetUtcNow().UtcDateTime, storeId);
        return true;
    }

    public virtual async Task<bool> IsStoppedAsync(Customer customer, int storeId) =>
        await _genericAttributeService.GetAttributeAsync<DateTime?>(customer, PersonalizationDefaults.RemindersStoppedAttribute, storeId) != null;

    /// <summary>
    /// Deactivates every active subscription of the customer's current address in the store, whatever its type or GUID
    /// (imported rows carry GUIDs of their own), through nopCommerce's service so its subscription events fire.
    /// </summary>
    /// <returns>How many subscriptions were ended; null when the customer no longer exists or has no address.</returns>
    public virtual async Task<int?> UnsubscribeAllAsync(int customerId, int storeId)
    {
        var customer = await CustomerAsync(customerId);
        if (customer == null || string.IsNullOrWhiteSpace(customer.Email))
            return null;

        var subscriptions = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(customer.Email.Trim(), storeId: storeId, isActive: true);
        foreach (var subscription in subscriptions)
        {
            subscription.Active = false;
            await _newsLetterSubscriptionService.UpdateNewsLetterSubscriptionAsync(subscription);
        }

        return subscriptions.Count;
    }

    private async Task<Customer> CustomerAsync(int customerId)
    {
        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        return customer == null || customer.Deleted ? null : customer;
    }
}
