using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Sizes the sink from the installation-wide setting when it is first needed; a change takes effect after a restart.
/// </summary>
public static class EventSinkFactory
{
    public static IEventSink Create(IServiceProvider provider)
    {
        var capacity = PersonalizationSettings.Defaults().MaxBufferedEvents;
        try
        {
            using var scope = provider.CreateScope();
            var settings = scope.ServiceProvider.GetRequiredService<ISettingService>().LoadSetting<PersonalizationSettings>();
            capacity = Math.Clamp(settings.MaxBufferedEvents, SettingsLimits.MIN_BUFFERED_EVENTS, SettingsLimits.MAX_BUFFERED_EVENTS);
        }
        catch (Exception exception)
        {
            provider.GetService<IShopLog>()?.Warning($"settings could not be read; the event buffer holds {capacity} events.", exception);
        }

        return new EventSink(capacity);
    }
}
