using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// The one list of the plugin's entities that hold a customer id, and what erasing a customer does with each. A test
/// fails when an entity with a CustomerId property is in neither list.
/// </summary>
public static class CustomerKeyedData
{
    /// <summary>Rows deleted when a customer is erased, and by the daily sweep when their customer is gone.</summary>
    public static IReadOnlyList<Type> Erased { get; } =
    [
        typeof(PersonalizationEvent),
        typeof(PersonalizationProfile),
        typeof(PersonalizationPrediction),
        typeof(PersonalizationRoleMapping),
        typeof(PersonalizationCartReminder),
        typeof(PersonalizationEmailSend)
    ];

    /// <summary>
    /// Rows kept on purpose: the erasure log names the customer so every node can forget them, and is itself
    /// deleted after <see cref="ErasureOptions.LogDays"/>.
    /// </summary>
    public static IReadOnlyList<Type> Kept { get; } = [typeof(PersonalizationErasure)];

    /// <summary>The customer generic attributes the plugin writes about what happened (all stores): erased with the customer.</summary>
    public static IReadOnlyList<string> CustomerAttributes { get; } = [Replenishment.ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE];

    /// <summary>
    /// The customer's own choices (no more reminders, personalisation off): kept when the shopper erases their data, so erasing never
    /// undoes a "no"; deleted by the sweep once the customer is gone (nopCommerce's GDPR delete removes them too).
    /// </summary>
    public static IReadOnlyList<string> CustomerChoices { get; } =
        [PersonalizationDefaults.RemindersStoppedAttribute, PersonalizationDefaults.OptedOutAttribute];
}
