using System.Globalization;
using Nop.Core.Domain.Logging;
using Nop.Data;
using Nop.Services.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Leaves a trace of every role sync run in nopCommerce's activity log (Customers › Activity log), under an activity
/// type the plugin installs; the entry is written as nopCommerce's background-task account.
/// </summary>
public class RoleSyncActivityLog
{
    private readonly IRepository<ActivityLogType> _activityLogTypeRepository;
    private readonly ICustomerActivityService _customerActivityService;
    private readonly ICustomerService _customerService;

    public RoleSyncActivityLog(IRepository<ActivityLogType> activityLogTypeRepository,
        ICustomerActivityService customerActivityService,
        ICustomerService customerService)
    {
        _activityLogTypeRepository = activityLogTypeRepository;
        _customerActivityService = customerActivityService;
        _customerService = customerService;
    }

    public virtual async Task InstallAsync()
    {
        var keyword = PersonalizationDefaults.RoleSyncActivityKeyword;
        if ((await _activityLogTypeRepository.GetAllAsync(query => query.Where(type => type.SystemKeyword == keyword))).Count > 0)
            return;

        //published, so nopCommerce's cache of activity types learns about it
        await _activityLogTypeRepository.InsertAsync(new ActivityLogType
        {
            SystemKeyword = keyword,
            Name = PersonalizationDefaults.RoleSyncActivityName,
            Enabled = true
        });
    }

    /// <summary>Removes the type; nopCommerce deletes its log entries with it (cascading foreign key).</summary>
    public virtual async Task UninstallAsync()
    {
        var keyword = PersonalizationDefaults.RoleSyncActivityKeyword;
        foreach (var type in await _activityLogTypeRepository.GetAllAsync(query => query.Where(type => type.SystemKeyword == keyword)))
            await _activityLogTypeRepository.DeleteAsync(type);
    }

    public virtual async Task WriteAsync(IReadOnlyCollection<RoleSyncOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var synced = outcomes.Where(outcome => outcome.Status == RoleSyncStatus.Synced).ToList();
        var comment = string.Format(CultureInfo.InvariantCulture,
            "Segment role sync: {0} segment(s) synced, {1} membership(s) added, {2} removed, {3} left for later runs; {4} segment(s) not synced, {5} failed.",
            synced.Count, synced.Sum(outcome => outcome.Added), synced.Sum(outcome => outcome.Removed), synced.Sum(outcome => outcome.Left),
            outcomes.Count(outcome => outcome.Status is not RoleSyncStatus.Synced and not RoleSyncStatus.Failed),
            outcomes.Count(outcome => outcome.Status == RoleSyncStatus.Failed));

        var actor = await _customerService.GetOrCreateBackgroundTaskUserAsync();
        await _customerActivityService.InsertActivityAsync(actor, PersonalizationDefaults.RoleSyncActivityKeyword, comment);
    }
}
