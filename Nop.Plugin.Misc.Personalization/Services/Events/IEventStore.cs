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
    /// Runs a merge or a forget.
    /// </summary>
    async Task RunAsync(CaptureItem command)
    {
        if (command.IsForget)
            await ForgetCustomerAsync(command.ForgetCustomerId);
        else
            await MoveHistoryAsync(command.MergeFromCustomerId, command.MergeToCustomerId);
    }

    /// <summary>
    /// Whether the database answers at all; tells rows it refuses from an outage.
    /// </summary>
    Task<bool> IsReachableAsync();
}
