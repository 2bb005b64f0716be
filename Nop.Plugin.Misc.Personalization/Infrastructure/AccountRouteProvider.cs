using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// The shopper's "Your personalisation" page in their account, under the language prefix like every storefront route.
/// </summary>
public class AccountRouteProvider : BaseRouteProvider, IRouteProvider
{
    public int Priority => 0;

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        var lang = GetLanguageRoutePattern();

        //fixed actions: a route value taken over from the page linking here (customer/info's "Info") cannot change them
        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.AccountRouteName,
            pattern: $"{lang}/customer/personalization",
            defaults: new { controller = "PersonalizationAccount", action = "Index" });
        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.AccountDownloadRouteName,
            pattern: $"{lang}/customer/personalization/download",
            defaults: new { controller = "PersonalizationAccount", action = "Download" });
        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.AccountSwitchRouteName,
            pattern: $"{lang}/customer/personalization/switch",
            defaults: new { controller = "PersonalizationAccount", action = "Switch" });
        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.AccountEraseRouteName,
            pattern: $"{lang}/customer/personalization/erase",
            defaults: new { controller = "PersonalizationAccount", action = "Erase" });
    }
}
