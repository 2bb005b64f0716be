using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;

namespace Nop.Services.Logging;

public partial interface ICustomerActivityService
{
    Task<IList<ActivityLogType>> GetAllActivityTypesAsync();

    Task<ActivityLog> InsertActivityAsync(Customer customer, string systemKeyword, string comment, BaseEntity entity = null);
}
