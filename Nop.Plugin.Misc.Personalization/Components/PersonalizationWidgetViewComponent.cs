using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// Renders the placements configured for a widget zone through the theme's own product box. Any failure renders
/// nothing: personalisation must never break a page.
/// </summary>
public class PersonalizationWidgetViewComponent : NopViewComponent
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Components/Widget.cshtml";

    private readonly ILogger<PersonalizationWidgetViewComponent> _logger;
    private readonly WidgetModelBuilder _widgetModelBuilder;

    public PersonalizationWidgetViewComponent(ILogger<PersonalizationWidgetViewComponent> logger, WidgetModelBuilder widgetModelBuilder)
    {
        _logger = logger;
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
            _logger.LogWarning(exception, "Personalization: widget zone {Zone} rendered empty after an error.", widgetZone);
            return Content(string.Empty);
        }
    }
}
