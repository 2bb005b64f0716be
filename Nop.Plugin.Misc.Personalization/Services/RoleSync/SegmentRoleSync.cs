using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.RoleSync;

/// <summary>
/// Makes each synced role's members the registered members of its segment, after the daily insights refresh stored the
/// profiles. Only enabled segments with a role take part: disabling a segment or setting its role to none leaves the
/// role as it is. Each segment changes at most a bounded number of memberships per run, so a mistaken rule cannot
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
    private readonly IShopLog _log;
    private readonly SegmentMemberReader _memberReader;
    private readonly RoleMembers _roleMembers;
    private readonly IRepository<PersonalizationSegment> _segmentRepository;
    private readonly SyncableRoles _syncableRoles;

    public SegmentRoleSync(ICustomerService customerService,
        IShopLog shopLog,
        SegmentMemberReader memberReader,
        RoleMembers roleMembers,
        IRepository<PersonalizationSegment> segmentRepository,
        SyncableRoles syncableRoles)
    {
        _customerService = customerService;
        _log = shopLog;
        _memberReader = memberReader;
        _roleMembers = roleMembers;
        _segmentRepository = segmentRepository;
        _syncableRoles = syncableRoles;
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
            var status = SkipReason(segment, evaluatedSegmentIds, sharedRoles, SyncableRoles.SafetyOf(segment.CustomerRoleId, roles));
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

        return segments.Select(segment => outcomes[segment.Id]).ToList();
    }

    private static RoleSyncStatus? SkipReason(PersonalizationSegment segment, IReadOnlySet<int> evaluated, HashSet<int> sharedRoles, RoleSafety safety)
    {
        if (!evaluated.Contains(segment.Id))
            return RoleSyncStatus.NotEvaluated;
        if (sharedRoles.Contains(segment.CustomerRoleId))
            return RoleSyncStatus.RoleShared;

        return safety switch
        {
            RoleSafety.Safe => null,
            RoleSafety.SystemRole => RoleSyncStatus.SystemRole,
            RoleSafety.GrantsPermissions => RoleSyncStatus.GrantsPermissions,
            RoleSafety.AssignedByPurchase => RoleSyncStatus.AssignedByPurchase,
            _ => RoleSyncStatus.RoleUnknown
        };
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
                    var plan = RoleSyncPlan.Create(target, await _roleMembers.MembersAsync(segment.CustomerRoleId), maxChanges);
                    written |= plan.Remove.Count + plan.Add.Count > 0;
                    await _roleMembers.RemoveAsync(segment.CustomerRoleId, plan.Remove);
                    await _roleMembers.AddAsync(segment.CustomerRoleId, plan.Add);
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
