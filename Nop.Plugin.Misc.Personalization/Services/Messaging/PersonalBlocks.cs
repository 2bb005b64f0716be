using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Data;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// The products of the personal blocks in the shop's own e-mails, from the in-memory model of the message's store:
/// "for you" for a customer the plugin may identify, trending for anyone else (a guest subscriber, a customer without
/// tracking consent), "bought together" with an order's products. Only products any visitor of the store may see are
/// listed (no ACL or store-limited ones: the e-mail is not rendered for a signed-in visitor). Each link is a tracked
/// click of <see cref="EmailKind.ShopMessage"/>; one e-mail id per recipient and store within a request, so the blocks
/// of one message share it.
/// </summary>
public class PersonalBlocks
{
    public const int PRODUCT_COUNT = 4;

    private readonly IPersonalizationConsent _consent;
    private readonly IEmailTracking _emailTracking;
    private readonly ILocalizationService _localizationService;
    private readonly RecipientPrices _prices;
    private readonly IRepository<Product> _productRepository;
    private readonly RecommendationService _recommendations;
    private readonly IServingCatalog _servingCatalog;
    private readonly ISettingService _settingService;
    private readonly EmailSiteRoot _siteRoot;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<(int StoreId, int CustomerId), EmailTrackingLinks> _links = [];

    public PersonalBlocks(IPersonalizationConsent consent,
        IEmailTracking emailTracking,
        ILocalizationService localizationService,
        RecipientPrices prices,
        IRepository<Product> productRepository,
        RecommendationService recommendations,
        IServingCatalog servingCatalog,
        ISettingService settingService,
        EmailSiteRoot siteRoot,
        TimeProvider timeProvider)
    {
        _consent = consent;
        _emailTracking = emailTracking;
        _localizationService = localizationService;
        _prices = prices;
        _productRepository = productRepository;
        _recommendations = recommendations;
        _servingCatalog = servingCatalog;
        _settingService = settingService;
        _siteRoot = siteRoot;
        _timeProvider = timeProvider;
    }

    /// <param name="customer">Null for a newsletter subscriber without an account.</param>
    public virtual async Task<string> ForYouAsync(Store store, Customer customer, int preferredLanguageId)
    {
        var identified = customer is { Id: > 0, Deleted: false } && await _consent.MayIdentifyAsync(customer, store.Id);
        var customerId = identified ? customer.Id : 0;
        var strategy = identified ? PlacementStrategy.ForYou : PlacementStrategy.Trending;

        return await RenderAsync(store, customer, customerId, preferredLanguageId, new RecommendationRequest(strategy, store.Id, customerId, PRODUCT_COUNT));
    }

    public virtual async Task<string> BoughtTogetherAsync(Store store, Customer customer, IReadOnlyCollection<int> orderProductIds, int preferredLanguageId)
    {
        var identified = customer is { Id: > 0, Deleted: false } && await _consent.MayIdentifyAsync(customer, store.Id);
        var customerId = identified ? customer.Id : 0;

        return await RenderAsync(store, customer, customerId, preferredLanguageId,
            new RecommendationRequest(PlacementStrategy.OrderCompletedComplements, store.Id, customerId, PRODUCT_COUNT, OrderProductIds: orderProductIds));
    }

    /// <param name="recipient">Whose prices the block shows (null or deleted: the store's catalog prices).</param>
    private async Task<string> RenderAsync(Store store, Customer recipient, int customerId, int preferredLanguageId, RecommendationRequest request)
    {
        var settings = await _settingService.LoadSettingAsync<PersonalizationSettings>(store.Id);
        if (!settings.Enabled)
            return string.Empty;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var productIds = _recommendations.Recommend(request, now)
            .Select(product => product.ProductId)
            .Where(id => _servingCatalog.Find(id) is { SubjectToAcl: false, LimitedToStores: false } product && product.IsShowable(now, requireStock: true))
            .ToList();
        if (productIds.Count == 0)
            return string.Empty;

        var languageId = await _siteRoot.LanguageIdAsync(preferredLanguageId, store.Id);
        var links = await LinksAsync(store, customerId, languageId);
        if (links == null)
            return string.Empty;

        var ids = productIds.ToArray();
        var products = (await _productRepository.GetAllAsync(query => query.Where(product => ids.Contains(product.Id) && !product.Deleted)))
            .ToDictionary(product => product.Id);
        var customer = recipient is { Id: > 0, Deleted: false } ? recipient : null;
        var currency = await _prices.CurrencyOfAsync(customer, store.Id);
        var lines = new List<PersonalBlockHtml.Line>();
        foreach (var id in productIds.Where(products.ContainsKey))
        {
            var product = products[id];
            var name = await _localizationService.GetLocalizedAsync(product, entity => entity.Name, languageId);
            var price = customer == null
                ? await _prices.CatalogPriceAsync(product, currency)
                : await _prices.ProductAsync(product, customer, store, currency);
            lines.Add(new PersonalBlockHtml.Line(string.IsNullOrEmpty(name) ? product.Name : name, price, links.ProductUrl(id)));
        }

        return PersonalBlockHtml.Render(lines, links.PixelTag);
    }

    private async Task<EmailTrackingLinks> LinksAsync(Store store, int customerId, int languageId)
    {
        if (_links.TryGetValue((store.Id, customerId), out var known))
            return known;

        var links = await _emailTracking.IssueUnrecordedAsync(EmailKind.ShopMessage, customerId, store.Id, await _siteRoot.GetAsync(store, languageId));
        if (links != null)
            _links[(store.Id, customerId)] = links;
        return links;
    }
}
