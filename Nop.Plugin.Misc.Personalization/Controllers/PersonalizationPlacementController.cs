using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Placements;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Controllers;

/// <summary>
/// Adds, edits and deletes placements; the list lives on the configuration page. Reached through the admin area's
/// conventional route (Admin/PersonalizationPlacement/{action}/{id?}).
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class PersonalizationPlacementController : BasePluginController
{
    public const string EDIT_VIEW = "~/Plugins/Misc.Personalization/Views/Placements/Edit.cshtml";

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPlacementCatalogRefresh _placementCatalogRefresh;
    private readonly PlacementModelFactory _placementModelFactory;
    private readonly IPlacementService _placementService;
    private readonly PlacementTitles _placementTitles;
    private readonly IStoreContext _storeContext;

    public PersonalizationPlacementController(ILocalizationService localizationService,
        INotificationService notificationService,
        IPlacementCatalogRefresh placementCatalogRefresh,
        PlacementModelFactory placementModelFactory,
        IPlacementService placementService,
        PlacementTitles placementTitles,
        IStoreContext storeContext)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _placementCatalogRefresh = placementCatalogRefresh;
        _placementModelFactory = placementModelFactory;
        _placementService = placementService;
        _placementTitles = placementTitles;
        _storeContext = storeContext;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Edit(int id)
    {
        var placement = await _placementService.GetPlacementByIdAsync(id);
        if (placement == null)
            return await NotFoundBackToConfigurationAsync();

        return View(EDIT_VIEW, await _placementModelFactory.PrepareFormModelAsync(PlacementModelFactory.ToModel(placement), placement));
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Create(PlacementModel model)
    {
        model.Id = 0;
        if (!await ValidateAsync(model))
            return View(EDIT_VIEW, await _placementModelFactory.PrepareFormModelAsync(model));

        var placement = new PersonalizationPlacement { StoreId = await _storeContext.GetActiveStoreScopeConfigurationAsync() };
        PlacementModelFactory.Apply(model, placement);
        await _placementService.InsertPlacementAsync(placement);
        await _placementTitles.SaveAsync(placement, PlacementModelFactory.LocalizedTitles(model));

        return await SavedAsync(model, "Plugins.Misc.Personalization.Placements.Added");
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Edit(PlacementModel model)
    {
        var placement = await _placementService.GetPlacementByIdAsync(model.Id);
        if (placement == null)
            return await NotFoundBackToConfigurationAsync();

        if (!await ValidateAsync(model))
            return View(EDIT_VIEW, await _placementModelFactory.PrepareFormModelAsync(model));

        PlacementModelFactory.Apply(model, placement);
        await _placementService.UpdatePlacementAsync(placement);
        await _placementTitles.SaveAsync(placement, PlacementModelFactory.LocalizedTitles(model));

        return await SavedAsync(model, "Plugins.Misc.Personalization.Placements.Updated");
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Delete(int id)
    {
        var placement = await _placementService.GetPlacementByIdAsync(id);
        if (placement == null)
            return await NotFoundBackToConfigurationAsync();

        await _placementService.DeletePlacementAsync(placement);
        await _placementTitles.DeleteAsync(placement.Id);
        _placementCatalogRefresh.RequestReload();
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.Deleted"));

        return BackToConfiguration();
    }

    private async Task<bool> ValidateAsync(PlacementModel model)
    {
        foreach (var error in PlacementModelValidator.Validate(model, await _placementModelFactory.SegmentIdsAsync()))
            ModelState.AddModelError(error.Property, await LocalizedMessages.FormatAsync(_localizationService, error.ResourceKey, error.Arguments));

        return ModelState.IsValid;
    }

    private async Task<IActionResult> SavedAsync(PlacementModel model, string messageKey)
    {
        //the entity events reload this node's catalog too; asking here as well keeps it independent of event plumbing
        _placementCatalogRefresh.RequestReload();
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync(messageKey));

        if (PlacementModelValidator.NeedsPageCheck(model))
        {
            var strategy = PlacementModelValidator.ParseStrategy(model.Strategy)!.Value;
            _notificationService.WarningNotification(await LocalizedMessages.FormatAsync(_localizationService,
                "Plugins.Misc.Personalization.Placements.CustomZoneWarning",
                [PlacementModelValidator.StrategyResourceKey(strategy), PlacementModelValidator.PageResourceKey(PlacementZones.RequiredPage(strategy)!.Value), model.EffectiveWidgetZone]));
        }

        return BackToConfiguration();
    }

    private async Task<IActionResult> NotFoundBackToConfigurationAsync()
    {
        _notificationService.ErrorNotification(await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Placements.NotFound"));
        return BackToConfiguration();
    }

    private IActionResult BackToConfiguration() => RedirectToRoute(PersonalizationDefaults.ConfigurationRouteName);
}
