using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Search;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// The public click endpoints (widgets and search results), under the language prefix like every storefront route.
/// </summary>
public class TrackingRouteProvider : BaseRouteProvider, IRouteProvider
{
    public int Priority => 0;

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        var lang = GetLanguageRoutePattern();

        endpointRouteBuilder.MapControllerRoute(name: MeasurementDefaults.ClickRouteName,
            pattern: $"{lang}/{MeasurementDefaults.ClickRoutePattern}",
            defaults: new { controller = "PersonalizationTracking", action = "Click" });

        endpointRouteBuilder.MapControllerRoute(name: SearchClickDefaults.RouteName,
            pattern: $"{lang}/{SearchClickDefaults.RoutePattern}",
            defaults: new { controller = "PersonalizationSearchClick", action = "Click" });
    }
}
