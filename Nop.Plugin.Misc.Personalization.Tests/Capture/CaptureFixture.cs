using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Gdpr;
using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

/// <summary>
/// The capture path with Moq stand-ins for nopCommerce's services and the plugin's real sink and live activity.
/// </summary>
internal sealed class CaptureFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public CaptureFixture()
    {
        Customer = new Customer { Id = 42 };
        WidgetPluginManager.Setup(m => m.IsPluginActiveAsync(PersonalizationDefaults.SystemName, It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(true);
        WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => Customer);
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        Live = new LiveActivity(Time);
        SettingService.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>())).ReturnsAsync(() => Settings);
        Consent = new PersonalizationConsent(new GdprConsentAnswers(Time), Gdpr.Object, GenericAttributes.Object, SettingService.Object, Sink);
        Capture = new InteractionCapture(Consent, Live, Settings, Sink, Time, WidgetPluginManager.Object);
    }

    public Customer Customer { get; set; }

    public PersonalizationSettings Settings { get; } = PersonalizationSettings.Defaults();

    public FakeTimeProvider Time { get; } = new(Now);

    public EventSink Sink { get; } = new(1000);

    public LiveActivity Live { get; }

    public Mock<IGenericAttributeService> GenericAttributes { get; } = new();

    public Mock<IGdprService> Gdpr { get; } = new();

    public Mock<ISettingService> SettingService { get; } = new();

    public PersonalizationConsent Consent { get; }

    public Mock<IWidgetPluginManager> WidgetPluginManager { get; } = new();

    public Mock<IWorkContext> WorkContext { get; } = new();

    /// <summary>
    /// The in-memory catalogue consumers read prices from; empty until a test loads products.
    /// </summary>
    public ServingCatalog Catalog { get; } = new();

    public Mock<IStoreContext> StoreContext { get; } = new();

    public InteractionCapture Capture { get; }

    public List<CaptureItem> Drain()
    {
        var items = new List<CaptureItem>();
        while (Sink.Reader.TryRead(out var item))
            items.Add(item);
        return items;
    }

    public List<PersonalizationEvent> DrainEvents() => Drain().Where(i => !i.IsMerge).Select(i => i.Event).ToList();
}
