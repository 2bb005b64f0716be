using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

public class RouteProvider : IRouteProvider
{
    public int Priority => 0;

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: PersonalizationDefaults.ConfigurationRouteName,
            pattern: "Admin/Personalization/Configure",
            defaults: new { controller = "PersonalizationAdmin", action = "Configure", area = AreaNames.ADMIN });
    }
}
