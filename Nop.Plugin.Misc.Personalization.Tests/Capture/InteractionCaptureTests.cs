using Moq;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;

namespace Nop.Plugin.Misc.Personalization.Tests.Capture;

[TestFixture]
public class InteractionCaptureTests
{
    private CaptureFixture _fixture;

    [SetUp]
    public void SetUp() => _fixture = new CaptureFixture();

    [Test]
    public async Task CapturesTheInteractionWithTimeStoreAndCustomer()
    {
        var accepted = await _fixture.Capture.CaptureAsync(_fixture.Customer, 3, InteractionType.AddToCart, 7, quantity: 2, value: 9.5m);

        accepted.Should().BeTrue();
        var captured = _fixture.DrainEvents().Single();
        captured.StoreId.Should().Be(3);
        captured.CustomerId.Should().Be(42);
        captured.ProductId.Should().Be(7);
        captured.EventType.Should().Be((int)InteractionType.AddToCart);
        captured.Quantity.Should().Be(2);
        captured.Value.Should().Be(9.5m);
        captured.CreatedOnUtc.Should().Be(CaptureFixture.Now.UtcDateTime);
        _fixture.Live.Recent(3, 42).Should().ContainSingle(i => i.ProductId == 7);
        _fixture.Live.Cart(3, 42).Should().Equal(7);
    }

    [Test]
    public async Task DoesNothingWhenDisabled()
    {
        _fixture.Settings.Enabled = false;

        (await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.View, 7)).Should().BeFalse();

        _fixture.Drain().Should().BeEmpty();
        _fixture.Live.Recent(1, 42).Should().BeEmpty();
    }

    [Test]
    public async Task DoesNothingWhenThePluginIsInactive()
    {
        _fixture.WidgetPluginManager.Setup(m => m.IsPluginActiveAsync(PersonalizationDefaults.SystemName, It.IsAny<Customer>(), It.IsAny<int>())).ReturnsAsync(false);

        (await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.View, 7)).Should().BeFalse();

        _fixture.Drain().Should().BeEmpty();
    }

    [TestCase("SearchEngine", false)]
    [TestCase("BackgroundTask", false)]
    [TestCase(null, true)]
    public async Task IgnoresSearchEnginesAndTheBackgroundTaskAccount(string systemName, bool isSystemAccount)
    {
        var robot = new Customer { Id = 5, SystemName = systemName, IsSystemAccount = isSystemAccount };

        (await _fixture.Capture.CaptureAsync(robot, 1, InteractionType.View, 7)).Should().BeFalse();

        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task NobodyIdentifiableStoresAnonymousEvents()
    {
        _fixture.Settings.Consent = TrackingConsent.Nobody;

        await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.View, 7);

        _fixture.DrainEvents().Single().CustomerId.Should().Be(0);
        _fixture.Live.Recent(1, 42).Should().BeEmpty();
    }

    [TestCase(true, 42)]
    [TestCase(false, 0)]
    public async Task CookieBannerModeIdentifiesOnlyCustomersWhoAccepted(bool accepted, int expectedCustomerId)
    {
        _fixture.Settings.Consent = TrackingConsent.CookieBannerAccepted;
        _fixture.GenericAttributes.Setup(g => g.GetAttributeAsync<bool>(_fixture.Customer, NopCustomerDefaults.EuCookieLawAcceptedAttribute, 1, false))
            .ReturnsAsync(accepted);

        await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.View, 7);

        _fixture.DrainEvents().Single().CustomerId.Should().Be(expectedCustomerId);
    }

    [Test]
    public async Task UnconsentedVisitorsDoNotShareALiveHistoryUnderCustomerZero()
    {
        _fixture.Settings.Consent = TrackingConsent.Nobody;
        var other = new Customer { Id = 43 };

        await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.AddToCart, 7, orderId: 0);
        await _fixture.Capture.CaptureAsync(other, 1, InteractionType.Purchase, 8, orderId: 99);

        _fixture.Live.Recent(1, 0).Should().BeEmpty("anonymous visitors have no live history");
        _fixture.Live.Cart(1, 0).Should().BeEmpty();
        _fixture.DrainEvents().Should().OnlyContain(e => e.CustomerId == 0 && e.OrderId == 0, "the order would tell who bought");
    }

    [Test]
    public async Task AnOptedOutCustomerIsRecordedAnonymously()
    {
        _fixture.GenericAttributes.Setup(g => g.GetAttributeAsync<bool>(_fixture.Customer, PersonalizationDefaults.OptedOutAttribute, 0, false)).ReturnsAsync(true);

        await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.View, 7);

        _fixture.DrainEvents().Single().CustomerId.Should().Be(0);
        _fixture.Live.Recent(1, 42).Should().BeEmpty();
    }

    [Test]
    public async Task AGuestHistoryIsNotMergedIntoACustomerWhoMayNotBeIdentified()
    {
        _fixture.Settings.Consent = TrackingConsent.Nobody;

        (await _fixture.Capture.MergeGuestAsync(new Customer { Id = 7 }, _fixture.Customer, 1)).Should().BeFalse();

        _fixture.Drain().Should().BeEmpty();
    }

    [Test]
    public async Task LongSearchTermsAreTruncated()
    {
        await _fixture.Capture.CaptureAsync(_fixture.Customer, 1, InteractionType.Search, 0, query: "  " + new string('x', 500) + "  ");

        _fixture.DrainEvents().Single().Query.Should().HaveLength(InteractionCapture.MAX_QUERY_LENGTH);
    }

    [Test]
    public async Task AFullBufferRefusesAndCounts()
    {
        var fixture = new CaptureFixture();
        for (var i = 0; i < 1000; i++)
            await fixture.Capture.CaptureAsync(fixture.Customer, 1, InteractionType.View, i + 1);

        (await fixture.Capture.CaptureAsync(fixture.Customer, 1, InteractionType.View, 5000)).Should().BeFalse();
        fixture.Sink.Counters.Dropped.Should().Be(1);
    }

    [Test]
    public async Task MergingAGuestMovesLiveActivityAndQueuesTheHistoryMove()
    {
        var guest = new Customer { Id = 7 };
        await _fixture.Capture.CaptureAsync(guest, 1, InteractionType.AddToCart, 11);
        _fixture.Drain();

        (await _fixture.Capture.MergeGuestAsync(guest, _fixture.Customer, 1)).Should().BeTrue();

        var merge = _fixture.Drain().Single();
        merge.IsMerge.Should().BeTrue();
        (merge.MergeFromCustomerId, merge.MergeToCustomerId).Should().Be((7, 42));
        _fixture.Live.Recent(1, 7).Should().BeEmpty();
        _fixture.Live.Recent(1, 42).Should().ContainSingle(i => i.ProductId == 11 && i.CustomerId == 42);
        _fixture.Live.Cart(1, 42).Should().Equal(11);
    }
}
