using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Where the writer puts captured items: the shop's database in production.
/// </summary>
public interface IEventStore
{
    Task InsertAsync(IList<PersonalizationEvent> events);

    /// <returns>The number of events moved.</returns>
    Task<int> MoveHistoryAsync(int fromCustomerId, int toCustomerId);

    /// <summary>
    /// Makes the customer's events anonymous and deletes their profiles and predictions (consent withdrawn, opted out).
    /// </summary>
    Task ForgetCustomerAsync(int customerId);

    /// <summary>
    /// Deletes the order's purchase events, so training no longer counts what was cancelled, refunded or voided.
    /// </summary>
    /// <returns>The number of purchase events deleted.</returns>
    Task<int> RetractOrderAsync(int orderId);

    /// <summary>
    /// Runs a merge, a forget or a retraction.
    /// </summary>
    async Task RunAsync(CaptureItem command)
    {
        if (command.IsForget)
            await ForgetCustomerAsync(command.ForgetCustomerId);
        else if (command.IsRetraction)
            await RetractOrderAsync(command.RetractOrderId);
        else
            await MoveHistoryAsync(command.MergeFromCustomerId, command.MergeToCustomerId);
    }

    /// <summary>
    /// Whether the database answers at all; tells rows it refuses from an outage.
    /// </summary>
    Task<bool> IsReachableAsync();
}
