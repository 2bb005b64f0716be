using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Models.Status;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Models.Segments;

/// <summary>
/// Builds the segment models of the admin pages and maps a valid form back onto the entity. Sizes come from the last
/// customer insights refresh; nothing here counts members.
/// </summary>
public class SegmentModelFactory
{
    private readonly ILocalizationService _localizationService;
    private readonly ISegmentService _segmentService;
    private readonly ISettingService _settingService;
    private readonly ShopNames _shopNames;
    private readonly SyncableRoles _syncableRoles;

    public SegmentModelFactory(ILocalizationService localizationService,
        ISegmentService segmentService,
        ISettingService settingService,
        ShopNames shopNames,
        SyncableRoles syncableRoles)
    {
        _localizationService = localizationService;
        _segmentService = segmentService;
        _settingService = settingService;
        _shopNames = shopNames;
        _syncableRoles = syncableRoles;
    }

    public virtual async Task<SegmentListModel> PrepareListModelAsync()
    {
        var segments = await _segmentService.GetSegmentsAsync();
        var state = await _settingService.LoadSettingAsync<PersonalizationInsightsState>();
        var sizes = StatusModelFactory.SegmentSizes(state.SegmentSizes).ToLookup(size => size.SegmentId);
        var stores = (await _shopNames.StoresAsync()).ToDictionary(store => store.Id, store => store.Name);
        //roles are read only when a segment syncs one
        var roles = segments.Any(segment => segment.CustomerRoleId > 0)
            ? (await _syncableRoles.GetRolesAsync()).ToDictionary(choice => choice.Role.Id, choice => choice.Role.Name)
            : new Dictionary<int, string>();
        var outcomes = RoleSyncOutcome.Parse(state.RoleSync).ToDictionary(outcome => outcome.SegmentId);

        var model = new SegmentListModel
        {
            RefreshedOnUtc = state.RefreshedOnUtc,
            NextRefreshOnUtc = state.NextRefreshOnUtc,
            MissingBuiltIns = SegmentService.MissingBuiltIns(segments.Select(segment => segment.Name)).Select(template => template.Name).ToList(),
            RoleSyncedOnUtc = state.RoleSyncedOnUtc,
            RoleSyncProblem = string.IsNullOrEmpty(state.RoleSyncProblem) ? null : state.RoleSyncProblem
        };

        foreach (var segment in segments)
        {
            var parsed = SegmentRule.TryParse(segment.RuleDefinition ?? string.Empty, out var rule, out _);
            var row = new SegmentRowModel
            {
                Id = segment.Id,
                Name = segment.Name,
                Rule = parsed ? rule.ToString() : segment.RuleDefinition,
                RuleInvalid = !parsed,
                Enabled = segment.Enabled,
                DisplayOrder = segment.DisplayOrder,
                CustomerRoleId = segment.CustomerRoleId,
                Sizes = sizes[segment.Id]
                    .OrderBy(size => size.StoreId)
                    .Select(size => new SegmentStoreSizeModel(size.StoreId,
                        stores.TryGetValue(size.StoreId, out var storeName) && !string.IsNullOrEmpty(storeName) ? storeName : $"#{size.StoreId}",
                        size.Members, size.Warning))
                    .ToList()
            };
            if (segment.CustomerRoleId > 0)
            {
                row.CustomerRole = roles.TryGetValue(segment.CustomerRoleId, out var roleName)
                    ? roleName
                    : await FormatAsync("Plugins.Misc.Personalization.Segments.RoleMissing", segment.CustomerRoleId);
                (row.RoleSync, row.RoleSyncWarning) = await RoleSyncTextAsync(segment, outcomes.GetValueOrDefault(segment.Id));
            }

            model.Segments.Add(row);
        }

        return model;
    }

    /// <summary>
    /// An empty form for a new segment, placed after the existing ones.
    /// </summary>
    public virtual async Task<SegmentModel> PrepareNewFormModelAsync()
    {
        var segments = await _segmentService.GetSegmentsAsync();
        var model = new SegmentModel
        {
            Enabled = true,
            DisplayOrder = segments.Count == 0 ? 0 : segments.Max(segment => segment.DisplayOrder) + 1
        };

        return await PrepareFormModelAsync(model);
    }

    /// <summary>
    /// Adds what the form shows beside the fields: where the rule stops parsing, when sizes are counted next, and the
    /// roles that may be synced.
    /// </summary>
    public virtual async Task<SegmentModel> PrepareFormModelAsync(SegmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        model.RuleErrorPosition = SegmentModelValidator.ErrorPosition(model.Rule);
        model.NextRefreshOnUtc = (await _settingService.LoadSettingAsync<PersonalizationInsightsState>()).NextRefreshOnUtc;
        await PrepareRolesAsync(model);

        return model;
    }

    /// <summary>
    /// Offers only the roles a segment may sync: not system roles, none that holds a permission, none that another
    /// segment syncs already. A chosen role that is no longer among them gets a warning instead of a silent change.
    /// </summary>
    private async Task PrepareRolesAsync(SegmentModel model)
    {
        var roles = await _syncableRoles.GetRolesAsync();
        var others = (await _segmentService.GetSegmentsAsync()).Where(segment => segment.Id != model.Id).ToList();
        var taken = others.Select(segment => segment.CustomerRoleId).ToHashSet();

        model.AvailableCustomerRoles.Clear();
        model.AvailableCustomerRoles.Add(new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.Role.None"), "0"));
        model.AvailableCustomerRoles.Add(new SelectListItem(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.Role.Create"),
            SegmentRoleLinker.CREATE_ROLE.ToString(CultureInfo.InvariantCulture)));
        foreach (var choice in roles.Where(choice => choice.IsSafe && !taken.Contains(choice.Role.Id)))
        {
            var text = choice.Role.Active ? choice.Role.Name : await FormatAsync("Plugins.Misc.Personalization.Segments.Role.Inactive", choice.Role.Name);
            model.AvailableCustomerRoles.Add(new SelectListItem(text, choice.Role.Id.ToString(CultureInfo.InvariantCulture)));
        }

        var problem = SegmentModelValidator.ValidateRole(model.CustomerRoleId, roles, others).FirstOrDefault();
        model.CustomerRoleWarning = problem == null ? null : await LocalizedMessages.FormatAsync(_localizationService, problem.ResourceKey, problem.Arguments);
    }

    /// <summary>
    /// The segments card's line about a synced role: the last outcome, or when the first sync happens.
    /// </summary>
    private async Task<(string Text, bool Warning)> RoleSyncTextAsync(PersonalizationSegment segment, RoleSyncOutcome outcome)
    {
        if (!segment.Enabled)
            return (await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleSync.Disabled"), false);
        //never synced, or synced to another role before the segment was changed
        if (outcome == null || outcome.RoleId != segment.CustomerRoleId)
            return (await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleSync.Pending"), false);

        switch (outcome.Status)
        {
            case RoleSyncStatus.Synced:
                var text = await FormatAsync("Plugins.Misc.Personalization.Segments.RoleSync.Synced", outcome.Added, outcome.Removed);
                if (outcome.Left > 0)
                    text += " " + await FormatAsync("Plugins.Misc.Personalization.Segments.RoleSync.Left", outcome.Left, SegmentRoleSync.MAX_CHANGES_PER_SEGMENT);
                return (text, false);
            case RoleSyncStatus.Failed:
                return (await FormatAsync("Plugins.Misc.Personalization.Segments.RoleSync.Failed", outcome.Error ?? string.Empty), true);
            default:
                return (await _localizationService.GetResourceAsync(SkipKey(outcome.Status)), true);
        }
    }

    private static string SkipKey(RoleSyncStatus status) => status switch
    {
        RoleSyncStatus.NotEvaluated => "Plugins.Misc.Personalization.Segments.RoleSync.NotEvaluated",
        RoleSyncStatus.NoProfiles => "Plugins.Misc.Personalization.Segments.RoleSync.NoProfiles",
        RoleSyncStatus.SystemRole => "Plugins.Misc.Personalization.Segments.RoleSync.SystemRole",
        RoleSyncStatus.GrantsPermissions => "Plugins.Misc.Personalization.Segments.RoleSync.GrantsPermissions",
        RoleSyncStatus.AssignedByPurchase => "Plugins.Misc.Personalization.Segments.RoleSync.AssignedByPurchase",
        RoleSyncStatus.RoleShared => "Plugins.Misc.Personalization.Segments.RoleSync.RoleShared",
        RoleSyncStatus.NotLinked => "Plugins.Misc.Personalization.Segments.RoleSync.NotLinked",
        RoleSyncStatus.NotPermitted => "Plugins.Misc.Personalization.Segments.RoleSync.NotPermitted",
        _ => "Plugins.Misc.Personalization.Segments.RoleSync.RoleUnknown"
    };

    private Task<string> FormatAsync(string resourceKey, params object[] arguments) =>
        LocalizedMessages.FormatAsync(_localizationService, resourceKey, arguments);

    public static SegmentModel ToModel(PersonalizationSegment segment) => new()
    {
        Id = segment.Id,
        Name = segment.Name,
        Rule = segment.RuleDefinition,
        Enabled = segment.Enabled,
        DisplayOrder = segment.DisplayOrder,
        CustomerRoleId = segment.CustomerRoleId
    };

    /// <summary>
    /// Copies a validated form onto the entity: the name trimmed, the rule in canonical form, the role to sync.
    /// </summary>
    public static void Apply(SegmentModel model, PersonalizationSegment segment)
    {
        segment.Name = SegmentNames.Normalize(model.Name);
        segment.RuleDefinition = SegmentModelValidator.CanonicalRule(model.Rule);
        segment.Enabled = model.Enabled;
        segment.DisplayOrder = model.DisplayOrder;
        segment.CustomerRoleId = model.CustomerRoleId;
    }
}
