using System.Globalization;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

public sealed class PlacementTracking : IPlacementTracking
{
    private readonly InteractionCapture _capture;
    private readonly ClickTokens _clickTokens;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly ImpressionTally _tally;
    private readonly TimeProvider _timeProvider;

    public PlacementTracking(InteractionCapture capture,
        ClickTokens clickTokens,
        INopUrlHelper nopUrlHelper,
        IPlacementCatalog placementCatalog,
        ImpressionTally tally,
        TimeProvider timeProvider)
    {
        _capture = capture;
        _clickTokens = clickTokens;
        _nopUrlHelper = nopUrlHelper;
        _placementCatalog = placementCatalog;
        _tally = tally;
        _timeProvider = timeProvider;
    }

    public async Task<bool> RecordImpressionAsync(Customer customer, int storeId, int placementId, IReadOnlyList<int> productIds)
    {
        if (customer == null || productIds == null || productIds.Count == 0 || !await _capture.IsCapturingAsync(customer, storeId))
            return false;

        //a count, not a row per render: impressions outnumber everything else and say nothing about the shopper
        _tally.Record(storeId, placementId, productIds.Count, _timeProvider.GetUtcNow().UtcDateTime);
        return true;
    }

    public Task<ClickTrackingModel> PrepareClickTrackingAsync(Customer customer, int placementId, IReadOnlyList<int> productIds)
    {
        if (customer == null)
            return Task.FromResult<ClickTrackingModel>(null);

        var token = _clickTokens.Issue(placementId, productIds, customer.CustomerGuid);
        if (token == null)
            return Task.FromResult<ClickTrackingModel>(null);

        var url = _nopUrlHelper.RouteUrl(MeasurementDefaults.ClickRouteName);

        return Task.FromResult(string.IsNullOrEmpty(url) ? null : new ClickTrackingModel(placementId, token, url));
    }

    public Task<bool> RecordClickAsync(Customer customer, int storeId, int placementId, int productId)
    {
        if (customer == null || productId <= 0)
            return Task.FromResult(false);

        return _capture.CaptureAsync(customer, storeId, InteractionType.RecommendationClick, productId,
            placement: PlacementText(placementId));
    }

    public bool PlacementExists(int storeId, int placementId) => _placementCatalog.Find(storeId, placementId) != null;

    public void RecordZoneRendered(int storeId, IEnumerable<int> placementIds)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var placementId in placementIds)
            _tally.RecordZone(storeId, placementId, now);
    }

    public async Task RecordHiddenAsync(Customer customer, int storeId, int placementId)
    {
        if (customer != null && await _capture.IsCapturingAsync(customer, storeId))
            _tally.RecordHidden(storeId, placementId, _timeProvider.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The placement id as stored in PersonalizationEvent.Placement.
    /// </summary>
    public static string PlacementText(int placementId) => placementId.ToString(CultureInfo.InvariantCulture);
}
