using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;

namespace Nop.Services.Gdpr;

public partial interface IGdprService
{
    Task<GdprConsent> GetConsentByIdAsync(int gdprConsentId);

    Task<IList<GdprConsent>> GetAllConsentsAsync();

    Task InsertConsentAsync(GdprConsent gdprConsent);

    Task UpdateConsentAsync(GdprConsent gdprConsent);

    Task DeleteConsentAsync(GdprConsent gdprConsent);

    Task<bool?> IsConsentAcceptedAsync(int consentId, int customerId);

    Task<IPagedList<GdprLog>> GetAllLogAsync(int customerId = 0, int consentId = 0,
        string customerInfo = "", GdprRequestType? requestType = null,
        int pageIndex = 0, int pageSize = int.MaxValue);

    Task InsertLogAsync(Customer customer, int consentId, GdprRequestType requestType, string requestDetails);

    Task PermanentDeleteCustomerAsync(Customer customer);
}
