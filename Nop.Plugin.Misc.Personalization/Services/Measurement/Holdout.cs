using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Reads the holdout share from the current store's settings and assigns by the customer's GUID, which is the same
/// for a guest's cookie and, after registration, for the account.
/// </summary>
public sealed class Holdout : IHoldout
{
    private readonly PersonalizationSettings _settings;

    public Holdout(PersonalizationSettings settings)
    {
        _settings = settings;
    }

    public Task<bool> IsHeldOutAsync(Customer customer)
    {
        if (customer == null)
            return Task.FromResult(false);

        var percent = Math.Clamp(_settings.HoldoutPercent, 0, SettingsLimits.MAX_HOLDOUT_PERCENT);

        return Task.FromResult(HoldoutAssignment.IsHeldOut(customer.CustomerGuid, percent));
    }
}
