using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Models.Widgets;
using Nop.Plugin.Misc.Personalization.Services.AfterPage;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.ProductBoxes;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// Prepares what a widget zone shows: the zone's placements answered from memory, held-out customers excluded,
/// placements for a segment kept to its members, then only the chosen products loaded (through nopCommerce's entity cache) for the theme's product boxes (a shopper's
/// recent boxes reused, see <see cref="ProductBoxPreparer"/>).
/// A placement that loads after the page gets only a signed slot with the page; <see cref="BuildAfterPageAsync"/> fills
/// the slots of one page in the request that follows it.
/// </summary>
public class WidgetModelBuilder
{
    public const int SPARE_CANDIDATES = 4;

    //one builder per request: products shown by earlier placements on the page are not repeated by later ones
    private readonly HashSet<int> _shownThisRequest = [];
    private readonly AfterPageTokens _afterPageTokens;
    private readonly IHoldout _holdout;
    private readonly ILiveActivity _liveActivity;
    private readonly INopUrlHelper _nopUrlHelper;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly PlacementTargeting _placementTargeting;
    private readonly IPlacementTracking _placementTracking;
    private readonly ProductBoxPreparer _productBoxes;
    private readonly RecommendationService _recommendationService;
    private readonly ServingOptions _servingOptions;
    private readonly ShowableProducts _showableProducts;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public WidgetModelBuilder(AfterPageTokens afterPageTokens,
        IHoldout holdout,
        ILiveActivity liveActivity,
        INopUrlHelper nopUrlHelper,
        IPlacementCatalog placementCatalog,
        PlacementTargeting placementTargeting,
        IPlacementTracking placementTracking,
        ProductBoxPreparer productBoxes,
        RecommendationService recommendationService,
        PersonalizationSettings settings,
        ShowableProducts showableProducts,
        IStoreContext storeContext,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _afterPageTokens = afterPageTokens;
        _holdout = holdout;
        _liveActivity = liveActivity;
        _nopUrlHelper = nopUrlHelper;
        _placementCatalog = placementCatalog;
        _placementTargeting = placementTargeting;
        _placementTracking = placementTracking;
        _productBoxes = productBoxes;
        _recommendationService = recommendationService;
        _settings = settings;
        _servingOptions = ServingOptions.From(settings);
        _storeContext = storeContext;
        _showableProducts = showableProducts;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    /// <returns>The blocks to render; empty when nothing should show.</returns>
    public async Task<WidgetModel> BuildAsync(string widgetZone, object additionalData)
    {
        var model = new WidgetModel();
        if (!_settings.Enabled)
            return model;

        var store = await _storeContext.GetCurrentStoreAsync();
        var placements = _placementCatalog.ForZone(store.Id, widgetZone);
        if (placements.Count == 0)
            return model;

        //the theme renders this zone: the owner's health checklist shows which zones never do
        _placementTracking.RecordZoneRendered(store.Id, placements.Select(placement => placement.Id));

        //the holdout group sees no personalised widget, so the lift of personalisation can be measured
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (await _holdout.IsHeldOutAsync(customer))
            return model;

        var context = PlacementContext.From(additionalData);
        foreach (var placement in placements)
        {
            if (!SearchNoResultsRule.Allows(placement.Strategy, additionalData) || !await _placementTargeting.ShowsToAsync(placement, store.Id, customer))
                continue;

            var block = (placement.LoadAfterPage ? await PrepareSlotAsync(placement, store.Id, context) : null)
                ?? await PrepareBlockAsync(placement, store.Id, customer, context, []);
            if (block != null)
                model.Blocks.Add(block);
        }

        return model;
    }

    /// <summary>
    /// Fills the slots a page left for placements loaded after it, in the page's order, with the same checks as a
    /// placement rendered with the page (enabled, store, holdout, segment) for the customer of this request.
    /// </summary>
    /// <returns>One block per slot (null where nothing should show).</returns>
    public async Task<IReadOnlyList<PlacementBlockModel>> BuildAfterPageAsync(IReadOnlyList<AfterPageSlot> slots)
    {
        var blocks = new PlacementBlockModel[slots.Count];
        if (!_settings.Enabled)
            return blocks;

        var store = await _storeContext.GetCurrentStoreAsync();
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (await _holdout.IsHeldOutAsync(customer))
            return blocks;

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var placement = slot == null || slot.StoreId != store.Id ? null : _placementCatalog.Find(store.Id, slot.PlacementId);
            //a placement switched back to rendering with the page has no slot to fill any more
            if (placement is not { LoadAfterPage: true } || !await _placementTargeting.ShowsToAsync(placement, store.Id, customer))
                continue;

            var context = new PlacementContext(slot.ProductId, slot.CategoryId, slot.OrderId, null);
            blocks[i] = await PrepareBlockAsync(placement, store.Id, customer, context, slot.AlreadyShown);
        }

        return blocks;
    }

    /// <returns>An empty block that loads after the page; null without a signing key (it then renders with the page).</returns>
    private async Task<PlacementBlockModel> PrepareSlotAsync(PlacementDefinition placement, int storeId, PlacementContext context)
    {
        var token = _afterPageTokens.Issue(new AfterPageSlot(placement.Id, storeId, context.ProductId, context.CategoryId, context.OrderId,
            _shownThisRequest.ToList()));
        var url = token == null ? null : _nopUrlHelper.RouteUrl(PersonalizationDefaults.AfterPageRouteName);
        if (string.IsNullOrEmpty(url))
            return null;

        return new PlacementBlockModel
        {
            PlacementId = placement.Id,
            Strategy = placement.Strategy,
            Title = await TitleAsync(placement),
            AfterPage = new AfterPageSlotModel(token, url,
                placement.ReservedHeight > 0 ? placement.ReservedHeight : PersonalizationDefaults.AfterPageReservedHeight)
        };
    }

    private async Task<PlacementBlockModel> PrepareBlockAsync(PlacementDefinition placement, int storeId, Customer customer, PlacementContext context,
        IReadOnlyList<int> shownBefore)
    {
        if (!Enum.TryParse<PlacementStrategy>(placement.Strategy, ignoreCase: true, out var strategy))
            return null;

        _shownThisRequest.UnionWith(shownBefore.Where(id => id > 0));
        var request = RequestFor(strategy, placement, storeId, customer, context);
        var recommended = _recommendationService.Recommend(request, _timeProvider.GetUtcNow().UtcDateTime);
        var allowed = recommended.Count == 0
            ? []
            : await _showableProducts.FilterAsync(recommended.Select(r => r.ProductId).ToList(), customer, storeId, placement.Count);

        if (allowed.Count == 0 || (PlacementMinimum.AppliesTo(strategy) && allowed.Count < _servingOptions.MinimumCount))
        {
            await _placementTracking.RecordHiddenAsync(customer, storeId, placement.Id);
            return null;
        }

        var shownIds = allowed.Select(product => product.Id).ToList();
        _shownThisRequest.UnionWith(shownIds);
        await _placementTracking.RecordImpressionAsync(customer, storeId, placement.Id, shownIds);

        return new PlacementBlockModel
        {
            PlacementId = placement.Id,
            Strategy = placement.Strategy,
            Title = await TitleAsync(placement),
            Products = await _productBoxes.PrepareAsync(allowed, customer, storeId),
            Tracking = await _placementTracking.PrepareClickTrackingAsync(customer, placement.Id, shownIds)
        };
    }

    /// <summary>
    /// The title in the shopper's working language; the working language is only asked for when the owner translated
    /// the title.
    /// </summary>
    private async Task<string> TitleAsync(PlacementDefinition placement) =>
        placement.LocalizedTitles is { Count: > 0 } ? placement.TitleIn((await _workContext.GetWorkingLanguageAsync()).Id) : placement.Title;

    private RecommendationRequest RequestFor(PlacementStrategy strategy, PlacementDefinition placement, int storeId, Customer customer, PlacementContext context)
    {
        IReadOnlyCollection<int> ordered = null;
        if (context.OrderId > 0)
        {
            //only this customer's own live purchases: an order id alone reveals nothing
            ordered = _liveActivity.Recent(storeId, customer.Id)
                .Where(e => e.Type == InteractionType.Purchase && e.OrderId == context.OrderId)
                .Select(e => e.ProductId)
                .Distinct()
                .ToList();
        }

        //ask for spares: the checks on the loaded products (ACL, store, freshness) may still remove some
        return new RecommendationRequest(strategy, storeId, customer.Id, placement.Count + SPARE_CANDIDATES, context.ProductId, context.CategoryId,
            context.CartProductIds, ordered, _shownThisRequest.ToList());
    }
}
