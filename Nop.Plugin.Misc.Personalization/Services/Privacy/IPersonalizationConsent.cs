using Nop.Core.Domain.Customers;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// The one place that decides whether the plugin may tie behaviour to a customer (consent mode, the shopper's own
/// opt-out). Reads only what nopCommerce caches plus a short in-memory cache of GDPR consent answers.
/// </summary>
public interface IPersonalizationConsent
{
    /// <returns>Whether events of the customer in the store may carry the customer's id.</returns>
    Task<bool> MayIdentifyAsync(Customer customer, int storeId);

    /// <returns>Whether the shopper switched personalisation off.</returns>
    Task<bool> IsOptedOutAsync(Customer customer);

    /// <summary>
    /// Switches personalisation off (or on again) for the shopper. Switching off also queues the removal of what was
    /// recorded about them: their events become anonymous, their profiles and predictions are deleted.
    /// </summary>
    Task SetOptedOutAsync(Customer customer, bool optedOut);
}
