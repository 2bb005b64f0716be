using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Models.Widgets;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Factories;
using Nop.Web.Framework.Components;
using Nop.Web.Models.Catalog;
using Nop.Web.Models.Checkout;

namespace Nop.Plugin.Misc.Personalization.Components;

/// <summary>
/// Renders the placements configured for a widget zone through the theme's own product box. Recommendations come from
/// memory; only the chosen products are loaded (through nopCommerce's entity cache) to build the boxes. Any failure
/// renders nothing: personalisation must never break a page.
/// </summary>
public class PersonalizationWidgetViewComponent : NopViewComponent
{
    public const string VIEW_PATH = "~/Plugins/Misc.Personalization/Views/Components/Widget.cshtml";

    private readonly IAclService _aclService;
    private readonly ILiveActivity _liveActivity;
    private readonly ILogger<PersonalizationWidgetViewComponent> _logger;
    private readonly IPlacementCatalog _placementCatalog;
    private readonly IProductModelFactory _productModelFactory;
    private readonly IRepository<Product> _productRepository;
    private readonly RecommendationService _recommendationService;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly IStoreMappingService _storeMappingService;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public PersonalizationWidgetViewComponent(IAclService aclService,
        ILiveActivity liveActivity,
        ILogger<PersonalizationWidgetViewComponent> logger,
        IPlacementCatalog placementCatalog,
        IProductModelFactory productModelFactory,
        IRepository<Product> productRepository,
        RecommendationService recommendationService,
        PersonalizationSettings settings,
        IStoreContext storeContext,
        IStoreMappingService storeMappingService,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _aclService = aclService;
        _liveActivity = liveActivity;
        _logger = logger;
        _placementCatalog = placementCatalog;
        _productModelFactory = productModelFactory;
        _productRepository = productRepository;
        _recommendationService = recommendationService;
        _settings = settings;
        _storeContext = storeContext;
        _storeMappingService = storeMappingService;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        try
        {
            if (!_settings.Enabled)
                return Content(string.Empty);

            var store = await _storeContext.GetCurrentStoreAsync();
            var placements = _placementCatalog.ForZone(store.Id, widgetZone);
            if (placements.Count == 0)
                return Content(string.Empty);

            var customer = await _workContext.GetCurrentCustomerAsync();
            var model = new WidgetModel();
            foreach (var placement in placements)
            {
                var block = await PrepareBlockAsync(placement, store.Id, customer, additionalData);
                if (block != null)
                    model.Blocks.Add(block);
            }

            return model.Blocks.Count == 0 ? Content(string.Empty) : View(VIEW_PATH, model);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Personalization: widget zone {Zone} rendered empty after an error.", widgetZone);
            return Content(string.Empty);
        }
    }

    private async Task<PlacementBlockModel> PrepareBlockAsync(PlacementDefinition placement, int storeId, Customer customer, object additionalData)
    {
        if (!Enum.TryParse<PlacementStrategy>(placement.Strategy, ignoreCase: true, out var strategy))
            return null;

        var request = RequestFor(strategy, placement, storeId, customer, additionalData);
        var recommended = _recommendationService.Recommend(request, _timeProvider.GetUtcNow().UtcDateTime);
        if (recommended.Count == 0)
            return null;

        //nopCommerce's per-entity cache makes this a memory read for products shown before
        var products = await _productRepository.GetByIdsAsync(recommended.Select(r => r.ProductId).ToList(), _ => null, includeDeleted: false);
        var allowed = new List<Product>(products.Count);
        foreach (var product in products)
        {
            if (product.SubjectToAcl && !await _aclService.AuthorizeAsync(product, customer))
                continue;
            if (product.LimitedToStores && !await _storeMappingService.AuthorizeAsync(product, storeId))
                continue;
            allowed.Add(product);
        }

        if (allowed.Count == 0)
            return null;

        return new PlacementBlockModel
        {
            PlacementId = placement.Id,
            Strategy = placement.Strategy,
            Title = placement.Title,
            Products = (await _productModelFactory.PrepareProductOverviewModelsAsync(allowed)).ToList()
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

        return new RecommendationRequest(strategy, storeId, customer.Id, placement.Count, productId, categoryId, OrderProductIds: ordered);
    }
}
