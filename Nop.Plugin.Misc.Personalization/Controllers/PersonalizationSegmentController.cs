using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// Adds, edits and deletes segments, and restores missing built-in ones; the list lives on the configuration page.
/// Reached through the admin area's conventional route (Admin/PersonalizationSegment/{action}/{id?}).
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationSegmentController : BasePluginController
{
    public const string EDIT_VIEW = "~/Plugins/Misc.Personalization/Views/Segments/Edit.cshtml";

    private readonly ProductAttributeReader _attributeReader;
    private readonly InsightsSchedule _insightsSchedule;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly SegmentModelFactory _segmentModelFactory;
    private readonly RoleLinkPermission _linkPermission;
    private readonly RoleMembers _roleMembers;
    private readonly SegmentRoleLinker _roleLinker;
    private readonly ISegmentService _segmentService;
    private readonly SyncableRoles _syncableRoles;

    public PersonalizationSegmentController(ProductAttributeReader attributeReader,
        InsightsSchedule insightsSchedule,
        ILocalizationService localizationService,
        INotificationService notificationService,
        RoleLinkPermission linkPermission,
        RoleMembers roleMembers,
        SegmentRoleLinker roleLinker,
        SegmentModelFactory segmentModelFactory,
        ISegmentService segmentService,
        SyncableRoles syncableRoles)
    {
        _attributeReader = attributeReader;
        _linkPermission = linkPermission;
        _roleMembers = roleMembers;
        _roleLinker = roleLinker;
        _insightsSchedule = insightsSchedule;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _segmentModelFactory = segmentModelFactory;
        _segmentService = segmentService;
        _syncableRoles = syncableRoles;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Create()
    {
        return View(EDIT_VIEW, await _segmentModelFactory.PrepareNewFormModelAsync());
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Create(SegmentModel model)
    {
        model.Id = 0;
        if (!await ValidateAsync(model, previousRoleId: 0))
            return View(EDIT_VIEW, await _segmentModelFactory.PrepareFormModelAsync(model));

        var segment = new PersonalizationSegment();
        SegmentModelFactory.Apply(model, segment);
        await _roleLinker.LinkAsync(segment, previousRoleId: 0);
        await _segmentService.InsertSegmentAsync(segment);

        return await SavedAsync("Plugins.Misc.Personalization.Segments.Added");
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Edit(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return await NotFoundBackToConfigurationAsync();

        return View(EDIT_VIEW, await _segmentModelFactory.PrepareFormModelAsync(SegmentModelFactory.ToModel(segment)));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Edit(SegmentModel model)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(model.Id);
        if (segment == null)
            return await NotFoundBackToConfigurationAsync();

        var previousRoleId = segment.CustomerRoleId;
        if (!await ValidateAsync(model, previousRoleId))
            return View(EDIT_VIEW, await _segmentModelFactory.PrepareFormModelAsync(model));

        SegmentModelFactory.Apply(model, segment);
        await _roleLinker.LinkAsync(segment, previousRoleId);
        await _segmentService.UpdateSegmentAsync(segment);

        return await SavedAsync("Plugins.Misc.Personalization.Segments.Updated");
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Delete(int id)
    {
        var segment = await _segmentService.GetSegmentByIdAsync(id);
        if (segment == null)
            return await NotFoundBackToConfigurationAsync();

        var deletion = await _segmentService.DeleteSegmentAsync(segment);
        if (deletion.Deleted)
        {
            await _insightsSchedule.RefreshAtNextTrainingAsync();
            _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.Deleted"));
        }
        else
        {
            var placements = string.Join(", ", deletion.TargetingPlacements.Select(PlacementName));
            _notificationService.ErrorNotification(await LocalizedMessages.FormatAsync(_localizationService,
                "Plugins.Misc.Personalization.Segments.DeleteRefused", [segment.Name, placements]));
        }

        return BackToConfiguration();
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> RestoreBuiltIn()
    {
        var added = await _segmentService.RestoreBuiltInSegmentsAsync();
        if (added.Count == 0)
        {
            _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.RestoreNothing"));
        }
        else
        {
            await _insightsSchedule.RefreshAtNextTrainingAsync();
            _notificationService.SuccessNotification(await LocalizedMessages.FormatAsync(_localizationService,
                "Plugins.Misc.Personalization.Segments.Restored", [added.Count, string.Join(", ", added.Select(segment => segment.Name))]));
        }

        return BackToConfiguration();
    }

    /// <summary>
    /// How a refused deletion names a placement: its title (or zone) and id, as the placements table shows them.
    /// </summary>
    private static string PlacementName(PersonalizationPlacement placement) =>
        string.IsNullOrWhiteSpace(placement.Title)
            ? $"{placement.WidgetZone} (#{placement.Id})"
            : $"\"{placement.Title}\" ({placement.WidgetZone}, #{placement.Id})";

    private async Task<bool> ValidateAsync(SegmentModel model, int previousRoleId)
    {
        var others = (await _segmentService.GetSegmentsAsync()).Where(segment => segment.Id != model.Id).ToList();
        var errors = SegmentModelValidator.Validate(model, others.Select(segment => segment.Name)).ToList();
        if (errors.Count == 0 && SegmentModelValidator.NamesAttributes(model.Rule))
            errors.AddRange(SegmentModelValidator.ValidateNames(model.Rule, await _attributeReader.ReadVocabularyAsync()));
        //a synced role's members are rewritten daily: the role is checked against the shop's roles as they are now
        if (model.CustomerRoleId != 0)
            errors.AddRange(SegmentModelValidator.ValidateRole(model.CustomerRoleId, await _syncableRoles.GetRolesAsync(), others));
        if (model.CustomerRoleId != 0 && model.CustomerRoleId != previousRoleId && errors.All(error => error.Property != nameof(model.CustomerRoleId)))
            errors.AddRange(await ValidateNewLinkAsync(model.CustomerRoleId));

        foreach (var error in errors)
            ModelState.AddModelError(error.Property, await LocalizedMessages.FormatAsync(_localizationService, error.ResourceKey, error.Arguments));

        return ModelState.IsValid;
    }

    /// <summary>
    /// A newly linked role is either created for the segment or has no member now, and the admin may manage customers
    /// (and create roles, for a new one): the sync never takes hand-picked members' roles or works beyond the admin's rights.
    /// </summary>
    private async Task<IReadOnlyList<SegmentModelValidator.Error>> ValidateNewLinkAsync(int customerRoleId)
    {
        const string FIELD = nameof(SegmentModel.CustomerRoleId);
        var createRole = customerRoleId == SegmentRoleLinker.CREATE_ROLE;
        if (!await _linkPermission.MayLinkAsync(createRole))
            return [new SegmentModelValidator.Error(FIELD, createRole
                ? "Plugins.Misc.Personalization.Segments.Validation.RoleCreatePermission"
                : "Plugins.Misc.Personalization.Segments.Validation.RoleLinkPermission", [])];
        if (createRole)
            return [];

        var members = (await _roleMembers.MembersAsync(customerRoleId)).Count;
        return members == 0 ? [] : [new SegmentModelValidator.Error(FIELD, "Plugins.Misc.Personalization.Segments.Validation.RoleHasMembers", [members])];
    }

    private async Task<IActionResult> SavedAsync(string messageKey)
    {
        //counted (and a synced role updated) by the next training run, which need not wait for the day to pass
        await _insightsSchedule.RefreshAtNextTrainingAsync();
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync(messageKey));

        return BackToConfiguration();
    }

    private async Task<IActionResult> NotFoundBackToConfigurationAsync()
    {
        _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Segments.NotFound"));
        return BackToConfiguration();
    }

    private IActionResult BackToConfiguration() => RedirectToRoute(PersonalizationDefaults.ConfigurationRouteName);
}
