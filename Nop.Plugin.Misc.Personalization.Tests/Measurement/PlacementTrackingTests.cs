using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

[TestFixture]
public class PlacementTrackingTests
{
    private TrackingFixture _fixture;

    [SetUp]
    public void SetUp() => _fixture = new TrackingFixture();

    [Test]
    public async Task ARenderIsCountedForItsPlacementAndDayWithTheProductsShownAndStoresNoEvent()
    {
        var accepted = await _fixture.Tracking.RecordImpressionAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID, [3, 4, 5, 6]);
        await _fixture.Tracking.RecordImpressionAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID, [3, 4]);

        accepted.Should().BeTrue();
        _fixture.Capture.DrainEvents().Should().BeEmpty("impressions are counted, not stored one row per render");
        var today = _fixture.Capture.Time.GetUtcNow().UtcDateTime.Date;
        _fixture.Tally.Take(today).Should().Equal(new ImpressionDelta(new ImpressionKey(1, TrackingFixture.PLACEMENT_ID, today), 2, 6));
    }

    [Test]
    public async Task AnEmptyRenderCountsNothing()
    {
        (await _fixture.Tracking.RecordImpressionAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID, [])).Should().BeFalse();

        _fixture.Tally.Take(DateTime.UtcNow).Should().BeEmpty();
    }

    [Test]
    public async Task ImpressionsGoThroughTheCaptureGuards()
    {
        _fixture.Capture.Settings.Enabled = false;

        (await _fixture.Tracking.RecordImpressionAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID, [3])).Should().BeFalse();
        _fixture.Tally.Take(DateTime.UtcNow).Should().BeEmpty();
    }

    [Test]
    public async Task HiddenRendersAreCountedForTheVisitorsWhoseImpressionsCountAndZoneRendersForEveryone()
    {
        var today = _fixture.Capture.Time.GetUtcNow().UtcDateTime.Date;
        await _fixture.Tracking.RecordHiddenAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID);
        _fixture.Capture.Settings.Enabled = false;
        await _fixture.Tracking.RecordHiddenAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID);
        _fixture.Tracking.RecordZoneRendered(1, [TrackingFixture.PLACEMENT_ID]);

        _fixture.Tally.Take(today).Should().Equal(new ImpressionDelta(new ImpressionKey(1, TrackingFixture.PLACEMENT_ID, today), 0, 0, HiddenRenders: 1, ZoneRenders: 1));
    }

    [Test]
    public async Task TheClickTrackingModelCarriesATokenForExactlyTheRenderedProducts()
    {
        var model = await _fixture.Tracking.PrepareClickTrackingAsync(_fixture.Capture.Customer, TrackingFixture.PLACEMENT_ID, [3, 4]);

        model.PlacementId.Should().Be(TrackingFixture.PLACEMENT_ID);
        model.EndpointUrl.Should().Be(TrackingFixture.ENDPOINT);
        var guid = _fixture.Capture.Customer.CustomerGuid;
        _fixture.Tokens.Check(model.Token, TrackingFixture.PLACEMENT_ID, 3, guid).Should().Be(ClickTokenCheck.Valid);
        _fixture.Tokens.Check(model.Token, TrackingFixture.PLACEMENT_ID, 4, guid).Should().Be(ClickTokenCheck.Valid);
        _fixture.Tokens.Check(model.Token, TrackingFixture.PLACEMENT_ID, 5, guid).Should().Be(ClickTokenCheck.ProductNotShown);
    }

    [Test]
    public async Task NoModelWithoutProductsOrWithoutAUsableKey()
    {
        (await _fixture.Tracking.PrepareClickTrackingAsync(_fixture.Capture.Customer, TrackingFixture.PLACEMENT_ID, [])).Should().BeNull();

        _fixture.Capture.Settings.TrackingKey = null;
        (await _fixture.Tracking.PrepareClickTrackingAsync(_fixture.Capture.Customer, TrackingFixture.PLACEMENT_ID, [3])).Should().BeNull();

        _fixture.Capture.Settings.TrackingKey = "not base64";
        (await _fixture.Tracking.PrepareClickTrackingAsync(_fixture.Capture.Customer, TrackingFixture.PLACEMENT_ID, [3])).Should().BeNull();

        _fixture.Capture.Settings.TrackingKey = Convert.ToBase64String(new byte[8]);
        (await _fixture.Tracking.PrepareClickTrackingAsync(_fixture.Capture.Customer, TrackingFixture.PLACEMENT_ID, [3])).Should().BeNull();
    }

    [Test]
    public void ATokenDoesNotOutliveItsLifetime()
    {
        var guid = _fixture.Capture.Customer.CustomerGuid;
        var token = _fixture.Tokens.Issue(TrackingFixture.PLACEMENT_ID, [3], guid);

        _fixture.Capture.Time.Advance(MeasurementDefaults.TokenLifetime - TimeSpan.FromMinutes(1));
        _fixture.Tokens.Check(token, TrackingFixture.PLACEMENT_ID, 3, guid).Should().Be(ClickTokenCheck.Valid);
        _fixture.Capture.Time.Advance(TimeSpan.FromMinutes(2));
        _fixture.Tokens.Check(token, TrackingFixture.PLACEMENT_ID, 3, guid).Should().Be(ClickTokenCheck.Expired);
    }

    [Test]
    public void ARotatedKeyInvalidatesOldTokens()
    {
        var guid = _fixture.Capture.Customer.CustomerGuid;
        var token = _fixture.Tokens.Issue(TrackingFixture.PLACEMENT_ID, [3], guid);

        _fixture.Capture.Settings.TrackingKey = PersonalizationSettings.Defaults().TrackingKey;

        _fixture.Tokens.Check(token, TrackingFixture.PLACEMENT_ID, 3, guid).Should().Be(ClickTokenCheck.BadSignature);
    }

    [Test]
    public async Task AClickIsRecordedWithProductAndPlacement()
    {
        (await _fixture.Tracking.RecordClickAsync(_fixture.Capture.Customer, 1, TrackingFixture.PLACEMENT_ID, 3)).Should().BeTrue();

        var click = _fixture.Capture.DrainEvents().Single();
        click.EventType.Should().Be((int)InteractionType.RecommendationClick);
        click.ProductId.Should().Be(3);
        click.Placement.Should().Be("7");
    }

    [Test]
    public void KnowsWhichPlacementsExistInAStore()
    {
        _fixture.Tracking.PlacementExists(1, TrackingFixture.PLACEMENT_ID).Should().BeTrue();
        _fixture.Tracking.PlacementExists(2, TrackingFixture.PLACEMENT_ID).Should().BeFalse("the placement belongs to store 1");
        _fixture.Tracking.PlacementExists(1, 8).Should().BeFalse();
    }

    [Test]
    public async Task NoCustomerNoEvent()
    {
        (await _fixture.Tracking.RecordImpressionAsync(null, 1, TrackingFixture.PLACEMENT_ID, [3])).Should().BeFalse();
        (await _fixture.Tracking.RecordClickAsync(null, 1, TrackingFixture.PLACEMENT_ID, 3)).Should().BeFalse();
        (await _fixture.Tracking.PrepareClickTrackingAsync(null, TrackingFixture.PLACEMENT_ID, [3])).Should().BeNull();
        _fixture.Capture.DrainEvents().Should().BeEmpty();
    }
}
