using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;

namespace Nop.Services.Logging;

public partial interface ICustomerActivityService
{
    Task UpdateActivityTypeAsync(ActivityLogType activityLogType);

    Task<IList<ActivityLogType>> GetAllActivityTypesAsync();

    Task<ActivityLogType> GetActivityTypeByIdAsync(int activityLogTypeId);

    Task<ActivityLog> InsertActivityAsync(string systemKeyword, string comment, BaseEntity entity = null);

    Task<ActivityLog> InsertActivityAsync(Customer customer, string systemKeyword, string comment, BaseEntity entity = null);

    Task<IList<ActivityLog>> InsertActivitiesAsync<TEntity>(string systemKeyword, IList<TEntity> entities, Func<TEntity, string> comment);

    Task<IList<ActivityLog>> InsertActivitiesAsync<TEntity>(Customer customer, string systemKeyword, IList<TEntity> entities, Func<TEntity, string> comment);

    Task DeleteActivityAsync(ActivityLog activityLog);

    Task<IPagedList<ActivityLog>> GetAllActivitiesAsync(DateTime? createdOnFrom = null, DateTime? createdOnTo = null,
        int? customerId = null, int? activityLogTypeId = null, string ipAddress = null, string entityName = null, int? entityId = null,
        int pageIndex = 0, int pageSize = int.MaxValue);

    Task<ActivityLog> GetActivityByIdAsync(int activityLogId);

    Task ClearAllActivitiesAsync();
}
