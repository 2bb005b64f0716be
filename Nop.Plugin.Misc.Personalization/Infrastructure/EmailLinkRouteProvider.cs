using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Web.Framework.Mvc.Routing;
using Nop.Web.Infrastructure;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// The public pages behind the e-mails' one-click links, under the language prefix like every storefront route.
/// </summary>
public class EmailLinkRouteProvider : BaseRouteProvider, IRouteProvider
{
    public int Priority => 0;

    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        var lang = GetLanguageRoutePattern();

        endpointRouteBuilder.MapControllerRoute(name: EmailLinks.StopRemindersRouteName,
            pattern: $"{lang}/{EmailLinks.StopRemindersRoutePattern}",
            defaults: new { controller = "PersonalizationEmail", action = "StopReminders" });
        endpointRouteBuilder.MapControllerRoute(name: EmailLinks.UnsubscribeRouteName,
            pattern: $"{lang}/{EmailLinks.UnsubscribeRoutePattern}",
            defaults: new { controller = "PersonalizationEmail", action = "Unsubscribe" });
        endpointRouteBuilder.MapControllerRoute(name: EmailTrackingDefaults.OpenRouteName,
            pattern: $"{lang}/{EmailTrackingDefaults.OpenRoutePattern}",
            defaults: new { controller = "PersonalizationEmailTracking", action = "Open" });
        endpointRouteBuilder.MapControllerRoute(name: EmailTrackingDefaults.ClickRouteName,
            pattern: $"{lang}/{EmailTrackingDefaults.ClickRoutePattern}",
            defaults: new { controller = "PersonalizationEmailTracking", action = "Click" });
        endpointRouteBuilder.MapControllerRoute(name: EmailLinks.RestoreCartRouteName,
            pattern: $"{lang}/{EmailLinks.RestoreCartRoutePattern}",
            defaults: new { controller = "PersonalizationCartReturn", action = "Restore" });
    }
}
