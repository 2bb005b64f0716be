using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Web.Framework.Components;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// Renders the placements configured for a widget zone through the theme's own product box. Any failure renders
/// nothing: personalisation must never break a page.
/// </summary>
public class PersonalizationWidgetViewComponent : NopViewComponent
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Components/Widget.cshtml";

    private readonly IShopLog _log;
    private readonly WidgetModelBuilder _widgetModelBuilder;

    public PersonalizationWidgetViewComponent(IShopLog shopLog, WidgetModelBuilder widgetModelBuilder)
    {
        _log = shopLog;
        _widgetModelBuilder = widgetModelBuilder;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        try
        {
            var model = await _widgetModelBuilder.BuildAsync(widgetZone, additionalData);
            return model.Blocks.Count == 0 ? Content(string.Empty) : View(VIEW_PATH, model);
        }
        catch (Exception exception)
        {
            _log.Warning($"widget zone {widgetZone} rendered empty after an error.", exception);
            return Content(string.Empty);
        }
    }
}
