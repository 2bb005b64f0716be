using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Models.Widgets;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Web.Factories;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.Checkout;
using Nop.Web.Models.ShoppingCart;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

/// <summary>
/// Prepares what a widget zone shows: the zone's placements answered from memory, held-out customers excluded,
/// placements for a segment kept to its members, then only the chosen products loaded (through nopCommerce's entity cache) for the theme's product boxes.
/// </summary>
public class WidgetModelBuilder
{
    public const int SPARE_CANDIDATES = 4;

    //one builder per request: products shown by earlier placements on the page are not repeated by later ones
    private readonly HashSet<int> _shownThisRequest = [];
    private readonly IHoldout _holdout;
    private readonly ILiveActivity _liveActivity;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly PlacementTargeting _placementTargeting;
    private readonly IPlacementTracking _placementTracking;
    private readonly IProductModelFactory _productModelFactory;
    private readonly RecommendationService _recommendationService;
    private readonly ServingOptions _servingOptions;
    private readonly ShowableProducts _showableProducts;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public WidgetModelBuilder(IHoldout holdout,
        ILiveActivity liveActivity,
        IPlacementCatalog placementCatalog,
        PlacementTargeting placementTargeting,
        IPlacementTracking placementTracking,
        IProductModelFactory productModelFactory,
        RecommendationService recommendationService,
        PersonalizationSettings settings,
        ShowableProducts showableProducts,
        IStoreContext storeContext,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _holdout = holdout;
        _liveActivity = liveActivity;
        _placementCatalog = placementCatalog;
        _placementTargeting = placementTargeting;
        _placementTracking = placementTracking;
        _productModelFactory = productModelFactory;
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

        //the holdout group sees no personalised widget, so the lift of personalisation can be measured
        var customer = await _workContext.GetCurrentCustomerAsync();
        if (await _holdout.IsHeldOutAsync(customer))
            return model;

        foreach (var placement in placements)
        {
            if (!await _placementTargeting.ShowsToAsync(placement, store.Id, customer))
                continue;

            var block = await PrepareBlockAsync(placement, store.Id, customer, additionalData);
            if (block != null)
                model.Blocks.Add(block);
        }

        return model;
    }

    private async Task<PlacementBlockModel> PrepareBlockAsync(PlacementDefinition placement, int storeId, Customer customer, object additionalData)
    {
        if (!Enum.TryParse<PlacementStrategy>(placement.Strategy, ignoreCase: true, out var strategy))
            return null;

        var request = RequestFor(strategy, placement, storeId, customer, additionalData);
        var recommended = _recommendationService.Recommend(request, _timeProvider.GetUtcNow().UtcDateTime);
        if (recommended.Count == 0)
            return null;

        var allowed = await _showableProducts.FilterAsync(recommended.Select(r => r.ProductId).ToList(), customer, storeId, placement.Count);

        if (allowed.Count == 0 || allowed.Count < _servingOptions.MinimumCount)
            return null;

        var shownIds = allowed.Select(product => product.Id).ToList();
        _shownThisRequest.UnionWith(shownIds);
        await _placementTracking.RecordImpressionAsync(customer, storeId, placement.Id, shownIds);

        return new PlacementBlockModel
        {
            PlacementId = placement.Id,
            Strategy = placement.Strategy,
            Title = placement.Title,
            Products = (await _productModelFactory.PrepareProductOverviewModelsAsync(allowed)).ToList(),
            Tracking = await _placementTracking.PrepareClickTrackingAsync(customer, placement.Id, shownIds)
        };
    }

    private RecommendationRequest RequestFor(PlacementStrategy strategy, PlacementDefinition placement, int storeId, Customer customer, object additionalData)
    {
        var productId = additionalData is ProductDetailsModel product ? product.Id : 0;
        var categoryId = additionalData is CategoryModel category ? category.Id : 0;
        IReadOnlyCollection<int> ordered = null;
        if (additionalData is CheckoutCompletedModel completed)
        {
            ordered = _liveActivity.Recent(storeId, customer.Id)
                .Where(e => e.Type == InteractionType.Purchase && e.OrderId == completed.OrderId)
                .Select(e => e.ProductId)
                .Distinct()
                .ToList();
        }

        //the cart page passes the real cart; elsewhere the live cart seen on this node stands in
        IReadOnlyCollection<int> cart = additionalData is ShoppingCartModel { Items: not null } shoppingCart
            ? shoppingCart.Items.Select(item => item.ProductId).Distinct().ToList()
            : null;

        //ask for spares: the checks on the loaded products (ACL, store, freshness) may still remove some
        return new RecommendationRequest(strategy, storeId, customer.Id, placement.Count + SPARE_CANDIDATES, productId, categoryId, cart, ordered, _shownThisRequest.ToList());
    }
}
