using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// The tables of <see cref="CustomerKeyedData.Erased"/>, ready to delete a customer's rows.
/// </summary>
public class CustomerKeyedTables
{
    public CustomerKeyedTables(IRepository<PersonalizationEvent> eventRepository,
        IRepository<PersonalizationProfile> profileRepository,
        IRepository<PersonalizationPrediction> predictionRepository,
        IRepository<PersonalizationRoleMapping> roleMappingRepository,
        IRepository<Customer> customerRepository,
        IRepository<PersonalizationCartReminder> cartReminderRepository,
        IRepository<PersonalizationEmailSend> emailSendRepository)
    {
        All =
        [
            CustomerRows.Of(eventRepository, customerRepository, row => row.CustomerId),
            CustomerRows.Of(profileRepository, customerRepository, row => row.CustomerId),
            CustomerRows.Of(predictionRepository, customerRepository, row => row.CustomerId),
            //the eraser removes the roles first (RoleMappingLedger.RemoveCustomerAsync); the sweep deletes what gone customers left
            CustomerRows.Of(roleMappingRepository, customerRepository, row => row.CustomerId),
            //what was e-mailed to them: the cart state, and the log the frequency cap reads
            CustomerRows.Of(cartReminderRepository, customerRepository, row => row.CustomerId),
            CustomerRows.Of(emailSendRepository, customerRepository, row => row.CustomerId)
        ];
    }

    public IReadOnlyList<CustomerRows> All { get; }

    internal static ErasureCounts Count(IReadOnlyDictionary<Type, int> deleted) => new(
        deleted.GetValueOrDefault(typeof(PersonalizationEvent)),
        deleted.GetValueOrDefault(typeof(PersonalizationProfile)),
        deleted.GetValueOrDefault(typeof(PersonalizationPrediction)),
        0,
        deleted.GetValueOrDefault(typeof(PersonalizationRoleMapping)));
}
