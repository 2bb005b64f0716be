using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Makes each synced role's members the registered members of its segment, after the daily insights refresh stored the
/// profiles. Only enabled segments with a role take part: disabling a segment or setting its role to none leaves the
/// role as it is. Only roles linked under the rules of <see cref="SegmentRoleLinker"/> (created for the segment, or
/// empty when linked) by an admin who still holds <see cref="RoleLinkPermission.Required"/> are synced, and only the
/// mappings the sync itself added (<see cref="RoleMappingLedger"/>) are ever removed. Each run leaves an activity-log
/// entry with its counts. Each segment changes at most a bounded number of memberships per run, so a mistaken rule cannot
/// rewrite the whole customer base in one go; the rest follows on later runs.
/// </summary>
public class SegmentRoleSync
{
    /// <summary>
    /// Additions plus removals per segment and run. A run is daily, so a new sync of a large segment takes a few days
    /// to complete, and a mistaken rule reaches at most this many customers before the admin sees the card.
    /// </summary>
    public const int MAX_CHANGES_PER_SEGMENT = 10_000;

    private readonly ICustomerService _customerService;
    private readonly RoleSyncActivityLog _activityLog;
    private readonly RoleMappingLedger _ledger;
    private readonly IShopLog _log;
    private readonly RoleLinkPermission _linkPermission;
    private readonly SegmentMemberReader _memberReader;
    private readonly RoleMembers _roleMembers;
    private readonly IRepository<PersonalizationSegment> _segmentRepository;
    private readonly SyncableRoles _syncableRoles;
    private readonly TimeProvider _timeProvider;

    public SegmentRoleSync(RoleSyncActivityLog activityLog,
        ICustomerService customerService,
        RoleMappingLedger ledger,
        IShopLog shopLog,
        RoleLinkPermission linkPermission,
        SegmentMemberReader memberReader,
        RoleMembers roleMembers,
        IRepository<PersonalizationSegment> segmentRepository,
        SyncableRoles syncableRoles,
        TimeProvider timeProvider)
    {
        _activityLog = activityLog;
        _customerService = customerService;
        _ledger = ledger;
        _log = shopLog;
        _linkPermission = linkPermission;
        _memberReader = memberReader;
        _roleMembers = roleMembers;
        _segmentRepository = segmentRepository;
        _syncableRoles = syncableRoles;
        _timeProvider = timeProvider;
    }

    /// <param name="evaluatedSegmentIds">The segments the refresh just counted; any other is not synced (its members are unknown).</param>
    /// <returns>One outcome per enabled segment with a role, in display order. A failing segment is reported, not thrown.</returns>
    public virtual async Task<IReadOnlyList<RoleSyncOutcome>> SyncAsync(IReadOnlySet<int> evaluatedSegmentIds, int maxChangesPerSegment = MAX_CHANGES_PER_SEGMENT)
    {
        ArgumentNullException.ThrowIfNull(evaluatedSegmentIds);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChangesPerSegment);

        var segments = await _segmentRepository.GetAllAsync(query => query
            .Where(segment => segment.Enabled && segment.CustomerRoleId > 0)
            .OrderBy(segment => segment.DisplayOrder).ThenBy(segment => segment.Id));
        if (segments.Count == 0)
            return [];

        //safety is checked again now: a permission may have been granted to the role since the segment was saved
        var roles = await _syncableRoles.GetRolesAsync();
        var sharedRoles = segments.GroupBy(segment => segment.CustomerRoleId).Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet();
        var outcomes = new Dictionary<int, RoleSyncOutcome>();
        var runnable = new List<PersonalizationSegment>();
        foreach (var segment in segments)
        {
            var status = SkipReason(segment, evaluatedSegmentIds, sharedRoles, SyncableRoles.SafetyOf(segment.CustomerRoleId, roles))
                ?? (await _linkPermission.MaySyncAsync(segment.RoleLinkedByCustomerId) ? null : RoleSyncStatus.NotPermitted);
            if (status == null)
            {
                runnable.Add(segment);
                continue;
            }

            outcomes[segment.Id] = RoleSyncOutcome.Skipped(segment.Id, segment.CustomerRoleId, status.Value);
            if (status != RoleSyncStatus.NotEvaluated)
                _log.Warning($"segment {segment.Id} ({segment.Name}) is not synced to customer role {segment.CustomerRoleId}: {status.Value}; the role is left as it is.");
        }

        if (runnable.Count > 0)
            await SyncRunnableAsync(runnable, maxChangesPerSegment, outcomes);

        var result = segments.Select(segment => outcomes[segment.Id]).ToList();
        try
        {
            await _activityLog.WriteAsync(result);
        }
        catch (Exception exception)
        {
            _log.Warning("the role sync's activity-log entry could not be written.", exception);
        }

        return result;
    }

    private static RoleSyncStatus? SkipReason(PersonalizationSegment segment, IReadOnlySet<int> evaluated, HashSet<int> sharedRoles, RoleSafety safety)
    {
        if (!evaluated.Contains(segment.Id))
            return RoleSyncStatus.NotEvaluated;
        if (sharedRoles.Contains(segment.CustomerRoleId))
            return RoleSyncStatus.RoleShared;
        if (segment.RoleLink is not ((int)RoleLink.CreatedForSegment or (int)RoleLink.EmptyWhenLinked))
            return RoleSyncStatus.NotLinked;

        return safety switch
        {
            RoleSafety.Safe => null,
            RoleSafety.SystemRole => RoleSyncStatus.SystemRole,
            RoleSafety.GrantsPermissions => RoleSyncStatus.GrantsPermissions,
            RoleSafety.AssignedByPurchase => RoleSyncStatus.AssignedByPurchase,
            _ => RoleSyncStatus.RoleUnknown
        };
    }

    /// <summary>
    /// Members the sync did not add (by hand, or before the ledger existed) are kept as if the segment wanted them, so
    /// only recorded mappings can be removed. Ledger rows whose mapping an admin removed are forgotten first.
    /// </summary>
    private async Task<RoleSyncPlan> PlanAsync(PersonalizationSegment segment, IEnumerable<int> target, int maxChanges)
    {
        var current = (await _roleMembers.MembersAsync(segment.CustomerRoleId)).ToHashSet();
        var recorded = await _ledger.RecordedAsync(segment.Id, segment.CustomerRoleId);
        var gone = recorded.Where(customerId => !current.Contains(customerId)).ToList();
        if (gone.Count > 0)
            await _ledger.ForgetAsync(segment.Id, segment.CustomerRoleId, gone);

        var ours = recorded.Where(current.Contains).ToHashSet();
        var keep = current.Where(customerId => !ours.Contains(customerId));

        return RoleSyncPlan.Create(target.Concat(keep), current, maxChanges);
    }

    private async Task SyncRunnableAsync(List<PersonalizationSegment> runnable, int maxChanges, Dictionary<int, RoleSyncOutcome> outcomes)
    {
        var (members, profiles) = await _memberReader.ReadAsync(runnable.Select(segment => segment.Id).ToList());
        if (profiles == 0)
        {
            foreach (var segment in runnable)
                outcomes[segment.Id] = RoleSyncOutcome.Skipped(segment.Id, segment.CustomerRoleId, RoleSyncStatus.NoProfiles);
            return;
        }

        var registeredRole = await _customerService.GetCustomerRoleBySystemNameAsync(NopCustomerDefaults.RegisteredRoleName)
            ?? throw new InvalidOperationException($"The '{NopCustomerDefaults.RegisteredRoleName}' customer role is missing.");
        var registered = await _roleMembers.RegisteredAsync(members.Values.SelectMany(customers => customers), registeredRole.Id);

        var written = false;
        try
        {
            foreach (var segment in runnable)
            {
                try
                {
                    var target = members[segment.Id].Where(registered.Contains);
                    var plan = await PlanAsync(segment, target, maxChanges);
                    written |= plan.Remove.Count + plan.Add.Count > 0;
                    await _roleMembers.RemoveAsync(segment.CustomerRoleId, plan.Remove);
                    await _ledger.ForgetAsync(segment.Id, segment.CustomerRoleId, plan.Remove);
                    await _roleMembers.AddAsync(segment.CustomerRoleId, plan.Add);
                    await _ledger.RecordAsync(segment.Id, segment.CustomerRoleId, plan.Add, _timeProvider.GetUtcNow().UtcDateTime);
                    outcomes[segment.Id] = new RoleSyncOutcome(segment.Id, segment.CustomerRoleId, RoleSyncStatus.Synced, plan.Add.Count, plan.Remove.Count, plan.Left);
                }
                catch (Exception exception)
                {
                    _log.Error($"syncing segment {segment.Id} ({segment.Name}) to customer role {segment.CustomerRoleId} failed; the role is synced again after the next refresh.", exception);
                    outcomes[segment.Id] = new RoleSyncOutcome(segment.Id, segment.CustomerRoleId, RoleSyncStatus.Failed, Error: exception.Message);
                }
            }
        }
        finally
        {
            //also after a failure part-way: some batches may have been written
            if (written)
                await _roleMembers.ClearCachesAsync();
        }
    }
}
