using Moq;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Tests.Capture;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Tests.Measurement;

/// <summary>
/// The capture path of <see cref="CaptureFixture"/> plus the measurement services, with one enabled placement (id 7, store 1).
/// </summary>
internal sealed class TrackingFixture
{
    public const int PLACEMENT_ID = 7;
    public const string ENDPOINT = "/en/personalization/track/click";

    public TrackingFixture()
    {
        Capture.Customer.CustomerGuid = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Catalog.Replace([new PlacementDefinition(PLACEMENT_ID, 1, "home_page_top", "Trending", "Trending now", 8, 0, 0)]);
        UrlHelper.Setup(u => u.RouteUrl(MeasurementDefaults.ClickRouteName, null, null, null, null)).Returns(ENDPOINT);
        Tokens = new ClickTokens(Capture.Settings, Capture.Time);
        RateLimiter = new ClickRateLimiter(Capture.Time);
        Tracking = new PlacementTracking(Capture.Capture, Tokens, UrlHelper.Object, Catalog, Tally, Capture.Time);
    }

    public CaptureFixture Capture { get; } = new();

    public PlacementCatalog Catalog { get; } = new();

    public ImpressionTally Tally { get; } = new();

    public Mock<INopUrlHelper> UrlHelper { get; } = new();

    public ClickTokens Tokens { get; }

    public ClickRateLimiter RateLimiter { get; }

    public PlacementTracking Tracking { get; }

    public PersonalizationTrackingController Controller() =>
        new(RateLimiter, Tokens, Tracking, Capture.StoreContext.Object, Capture.WorkContext.Object);
}
