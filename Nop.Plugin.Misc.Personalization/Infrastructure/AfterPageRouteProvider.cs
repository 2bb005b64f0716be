using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// The request that brings the placements loaded after the page, under the language prefix so the blocks come in the
/// page's language.
/// </summary>
public class AfterPageRouteProvider : BaseRouteProvider, IRouteProvider
{
    public int Priority => 0;

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        var lang = GetLanguageRoutePattern();

        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.AfterPageRouteName,
            pattern: $"{lang}/{PersonalizationDefaults.AfterPageRoutePattern}",
            defaults: new { controller = "PersonalizationAfterPage", action = "Placements" });
    }
}
