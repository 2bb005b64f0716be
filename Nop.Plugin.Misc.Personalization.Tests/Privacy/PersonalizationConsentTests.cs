using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

[TestFixture]
public class PersonalizationConsentTests
{
    private const int STORE = 1;
    private const int CONSENT = 3;

    private Customer _customer;
    private PersonalizationSettings _settings;
    private Mock<IGenericAttributeService> _attributes;
    private Mock<IGdprService> _gdpr;
    private Mock<ISettingService> _settingService;
    private FakeTimeProvider _time;
    private GdprConsentAnswers _answers;
    private EventSink _sink;

    [SetUp]
    public void SetUp()
    {
        _customer = new Customer { Id = 42 };
        _settings = PersonalizationSettings.Defaults();
        _attributes = new Mock<IGenericAttributeService>();
        _gdpr = new Mock<IGdprService>();
        _settingService = new Mock<ISettingService>();
        _settingService.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(STORE)).ReturnsAsync(() => _settings);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        _answers = new GdprConsentAnswers(_time);
        _sink = new EventSink(100);
    }

    private PersonalizationConsent Consent() => new(_answers, _gdpr.Object, _attributes.Object, _settingService.Object, _sink);

    private void CookieBanner(bool accepted) =>
        _attributes.Setup(a => a.GetAttributeAsync<bool>(_customer, NopCustomerDefaults.EuCookieLawAcceptedAttribute, STORE, false)).ReturnsAsync(accepted);

    private void OptedOut(bool optedOut) =>
        _attributes.Setup(a => a.GetAttributeAsync<bool>(_customer, PersonalizationDefaults.OptedOutAttribute, 0, false)).ReturnsAsync(optedOut);

    [Test]
    public async Task EveryoneIdentifiesEveryCustomer()
    {
        _settings.Consent = TrackingConsent.Everyone;

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeTrue();
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public async Task TheCookieBannerModeFollowsTheBannerAnswerInTheStore(bool accepted, bool identified)
    {
        _settings.Consent = TrackingConsent.CookieBannerAccepted;
        CookieBanner(accepted);

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().Be(identified);
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    [TestCase(null, false)]
    public async Task TheGdprModeFollowsTheLatestAnswerToTheChosenConsent(bool? answer, bool identified)
    {
        _settings.Consent = TrackingConsent.GdprConsentAccepted;
        _settings.GdprConsentId = CONSENT;
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(CONSENT, 42)).ReturnsAsync(answer);

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().Be(identified);
    }

    [Test]
    public async Task TheGdprModeWithoutAConsentPickedIdentifiesNobody()
    {
        _settings.Consent = TrackingConsent.GdprConsentAccepted;
        _settings.GdprConsentId = 0;

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeFalse();
        _gdpr.VerifyNoOtherCalls();
    }

    [Test]
    public async Task NobodyIdentifiesNobodyWithoutReadingAnything()
    {
        _settings.Consent = TrackingConsent.Nobody;

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeFalse();
        _attributes.VerifyNoOtherCalls();
    }

    [TestCase(TrackingConsent.Everyone)]
    [TestCase(TrackingConsent.CookieBannerAccepted)]
    public async Task AnOptedOutShopperIsNeverIdentified(TrackingConsent mode)
    {
        _settings.Consent = mode;
        CookieBanner(true);
        OptedOut(true);

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeFalse();
    }

    [Test]
    public async Task TheGdprAnswerIsReadOnceWhileItIsFresh()
    {
        _settings.Consent = TrackingConsent.GdprConsentAccepted;
        _settings.GdprConsentId = CONSENT;
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(CONSENT, 42)).ReturnsAsync(true);

        await Consent().MayIdentifyAsync(_customer, STORE);
        await Consent().MayIdentifyAsync(_customer, STORE);
        _gdpr.Verify(g => g.IsConsentAcceptedAsync(CONSENT, 42), Times.Once);

        _time.Advance(GdprConsentAnswers.Lifetime);
        await Consent().MayIdentifyAsync(_customer, STORE);
        _gdpr.Verify(g => g.IsConsentAcceptedAsync(CONSENT, 42), Times.Exactly(2));
    }

    [Test]
    public async Task ANewGdprLogDropsTheCachedAnswer()
    {
        _settings.Consent = TrackingConsent.GdprConsentAccepted;
        _settings.GdprConsentId = CONSENT;
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(CONSENT, 42)).ReturnsAsync(true);
        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeTrue();

        _gdpr.Setup(g => g.IsConsentAcceptedAsync(CONSENT, 42)).ReturnsAsync(false);
        await Consumer(TrackingConsent.GdprConsentAccepted, CONSENT)
            .HandleEventAsync(new EntityInsertedEvent<GdprLog>(new GdprLog { CustomerId = 42, ConsentId = CONSENT, RequestType = GdprRequestType.ConsentDisagree }));

        (await Consent().MayIdentifyAsync(_customer, STORE)).Should().BeFalse("the withdrawal is honoured at once on this node");
    }

    [Test]
    public async Task WithdrawingTheChosenConsentQueuesForgettingTheCustomer()
    {
        await Consumer(TrackingConsent.GdprConsentAccepted, CONSENT)
            .HandleEventAsync(new EntityInsertedEvent<GdprLog>(new GdprLog { CustomerId = 42, ConsentId = CONSENT, RequestType = GdprRequestType.ConsentDisagree }));

        Drain().Should().ContainSingle().Which.Should().Be(CaptureItem.Forget(42));
    }

    [TestCase(TrackingConsent.GdprConsentAccepted, CONSENT + 1, GdprRequestType.ConsentDisagree, TestName = "another consent withdrawn")]
    [TestCase(TrackingConsent.GdprConsentAccepted, CONSENT, GdprRequestType.ConsentAgree, TestName = "the consent given")]
    [TestCase(TrackingConsent.Everyone, CONSENT, GdprRequestType.ConsentDisagree, TestName = "no store depends on consent")]
    public async Task OtherGdprLogsForgetNobody(TrackingConsent mode, int consentId, GdprRequestType type)
    {
        await Consumer(mode, CONSENT)
            .HandleEventAsync(new EntityInsertedEvent<GdprLog>(new GdprLog { CustomerId = 42, ConsentId = consentId, RequestType = type }));

        Drain().Should().BeEmpty();
    }

    [Test]
    public async Task OptingOutIsStoredOnTheCustomerAndQueuesForgettingThem()
    {
        await Consent().SetOptedOutAsync(_customer, true);

        _attributes.Verify(a => a.SaveAttributeAsync(_customer, PersonalizationDefaults.OptedOutAttribute, true, 0), Times.Once);
        Drain().Should().ContainSingle().Which.IsForget.Should().BeTrue();
    }

    [Test]
    public async Task OptingBackInForgetsNothing()
    {
        await Consent().SetOptedOutAsync(_customer, false);

        _attributes.Verify(a => a.SaveAttributeAsync(_customer, PersonalizationDefaults.OptedOutAttribute, false, 0), Times.Once);
        Drain().Should().BeEmpty();
    }

    [Test]
    public async Task TheOptOutIsReadFromTheCustomersAttribute()
    {
        OptedOut(true);

        (await Consent().IsOptedOutAsync(_customer)).Should().BeTrue();
    }

    private GdprLogConsumer Consumer(TrackingConsent mode, int consentId)
    {
        var stores = new Admin.InMemoryRepository<Nop.Core.Domain.Stores.Store>();
        stores.Add(new Nop.Core.Domain.Stores.Store());
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationSettings>(It.IsAny<int>()))
            .ReturnsAsync(() => new PersonalizationSettings { Consent = mode, GdprConsentId = consentId });
        return new GdprLogConsumer(_answers, _sink, new StoreConsentModes(settings.Object, stores.Object));
    }

    private List<CaptureItem> Drain()
    {
        var items = new List<CaptureItem>();
        while (_sink.Reader.TryRead(out var item))
            items.Add(item);
        return items;
    }
}
