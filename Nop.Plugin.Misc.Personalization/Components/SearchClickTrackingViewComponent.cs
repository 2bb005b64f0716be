using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// The click beacon of the search page's results, in the basic search zone (rendered on every search page, whichever
/// provider searched). Any failure renders nothing.
/// </summary>
public class SearchClickTrackingViewComponent : NopViewComponent
{
    private readonly IShopLog _log;
    private readonly SearchClickTracking _searchClickTracking;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    public SearchClickTrackingViewComponent(IShopLog log, SearchClickTracking searchClickTracking, IStoreContext storeContext, IWorkContext workContext)
    {
        _log = log;
        _searchClickTracking = searchClickTracking;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        try
        {
            var store = await _storeContext.GetCurrentStoreAsync();
            var model = await _searchClickTracking.PrepareAsync(additionalData, await _workContext.GetCurrentCustomerAsync(), store.Id);
            return model == null ? Content(string.Empty) : View(SearchClickDefaults.ViewPath, model);
        }
        catch (Exception exception)
        {
            _log.Warning("search click tracking rendered empty after an error.", exception);
            return Content(string.Empty);
        }
    }
}
