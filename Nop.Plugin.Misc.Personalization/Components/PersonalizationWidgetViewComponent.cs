using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// Renders the placements configured for a widget zone. Until recommendation serving lands (issue 4)
/// a zone renders nothing rather than filler.
/// </summary>
public class PersonalizationWidgetViewComponent : NopViewComponent
{
    private readonly IPlacementCatalog _placementCatalog;
    private readonly IStoreContext _storeContext;

    public PersonalizationWidgetViewComponent(IPlacementCatalog placementCatalog, IStoreContext storeContext)
    {
        _placementCatalog = placementCatalog;
        _storeContext = storeContext;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        if (_placementCatalog.ForZone(store.Id, widgetZone).Count == 0)
            return Content(string.Empty);

        //serving lands with issue 4; until then a configured zone stays empty instead of showing filler
        return Content(string.Empty);
    }
}
