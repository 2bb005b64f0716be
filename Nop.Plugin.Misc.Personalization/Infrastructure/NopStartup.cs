using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;

namespace Nop.Plugin.Misc.Personalization.Infrastructure;

/// <summary>
/// Registers the plugin's services. Consumers, settings, controllers and view components are found by nopCommerce itself.
/// </summary>
public class NopStartup : INopStartup
{
    public int Order => 3000;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPlacementCatalog, PlacementCatalog>();
        services.AddScoped<EventRetentionService>();

        services.AddSingleton(EventSinkFactory.Create);
        services.AddScoped<IEventStore, EventStore>();
        services.AddHostedService<EventWriter>();
        services.AddSingleton<ILiveActivity, LiveActivity>();
        services.AddScoped<InteractionCapture>();

        //measurement
        services.AddScoped<IHoldout, Holdout>();
        services.AddScoped<ClickTokens>();
        services.AddScoped<IPlacementTracking, PlacementTracking>();
        services.AddSingleton<ClickRateLimiter>();
        //measurement end
    }

    public void Configure(IApplicationBuilder application)
    {
    }
}
