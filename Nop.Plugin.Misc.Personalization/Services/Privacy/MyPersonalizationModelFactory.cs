using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Models.Account;
using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Measurement;
using Nop.Plugin.Misc.Personalization.Services.Placements;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Services.Helpers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// Prepares the shopper's "Your personalisation" page from what the admin customer block reads (the current store's
/// profile and due re-orders) and what a "for you" placement would show now, each product with its reason in words.
/// </summary>
public class MyPersonalizationModelFactory
{
    public const int MAX_CATEGORIES = 5;
    public const int MAX_BRANDS = 3;
    public const int MAX_ATTRIBUTES = 3;
    public const int MAX_RECOMMENDATIONS = 4;

    /// <summary>Affinities weaker than this share of the customer's activity are noise, not an interest.</summary>
    public const double MIN_AFFINITY = 0.05;

    private readonly IPersonalizationConsent _consent;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly IHoldout _holdout;
    private readonly ICustomerInsightsReader _insightsReader;
    private readonly ILocalizationService _localizationService;
    private readonly IShopLog _log;
    private readonly ReasonSentences _reasonSentences;
    private readonly RecommendationService _recommendationService;
    private readonly ReplenishmentProductLinks _productLinks;
    private readonly ShopNames _shopNames;
    private readonly ShowableProducts _showableProducts;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public MyPersonalizationModelFactory(IPersonalizationConsent consent,
        IDateTimeHelper dateTimeHelper,
        IHoldout holdout,
        ICustomerInsightsReader insightsReader,
        ILocalizationService localizationService,
        IShopLog shopLog,
        ReasonSentences reasonSentences,
        RecommendationService recommendationService,
        ReplenishmentProductLinks productLinks,
        ShopNames shopNames,
        ShowableProducts showableProducts,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _consent = consent;
        _dateTimeHelper = dateTimeHelper;
        _holdout = holdout;
        _insightsReader = insightsReader;
        _localizationService = localizationService;
        _log = shopLog;
        _reasonSentences = reasonSentences;
        _recommendationService = recommendationService;
        _productLinks = productLinks;
        _shopNames = shopNames;
        _showableProducts = showableProducts;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    public async Task<MyPersonalizationModel> PrepareAsync(Customer customer, Store store)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(store);

        var model = new MyPersonalizationModel();
        try
        {
            model.OptedOut = await _consent.IsOptedOutAsync(customer);
            model.Identified = await _consent.MayIdentifyAsync(customer, store.Id);

            var language = await _workContext.GetWorkingLanguageAsync();
            var insights = await _insightsReader.ReadAsync(customer.Id);
            var profile = insights.Profiles.FirstOrDefault(candidate => candidate.StoreId == store.Id);
            if (profile != null)
                FillProfile(model, profile);

            var due = insights.Predictions
                .Where(prediction => prediction.StoreId == store.Id)
                .ToList();

            var recommended = new List<RecommendedProduct>();
            model.HeldOut = await _holdout.IsHeldOutAsync(customer);
            if (!model.HeldOut && model.Identified)
                recommended = await RecommendAsync(customer, store.Id);

            var reasons = recommended.SelectMany(product => product.Reasons).ToList();
            var productIds = recommended.Select(product => product.ProductId)
                .Concat(due.Select(prediction => prediction.ProductId))
                .Concat(due.Where(prediction => prediction.IsComplement && prediction.AnchorProductId > 0).Select(prediction => prediction.AnchorProductId))
                .Concat(reasons.Where(reason => reason.ProductId > 0).Select(reason => reason.ProductId))
                .Distinct()
                .ToList();
            var products = (await _productLinks.GetAsync(productIds, store.Url, language.Id)).ToDictionary(product => product.ProductId);
            var names = new ReasonNames(products.ToDictionary(pair => pair.Key, pair => pair.Value.Name),
                await _shopNames.CategoriesAsync(reasons.Where(reason => reason.CategoryId > 0).Select(reason => reason.CategoryId).Distinct().ToList()),
                await _shopNames.ManufacturersAsync(reasons.Where(reason => reason.ManufacturerId > 0).Select(reason => reason.ManufacturerId).Distinct().ToList()));

            foreach (var prediction in due.Where(prediction => prediction.IsComplement && prediction.AnchorOnUtc != null
                && products.ContainsKey(prediction.ProductId) && products.ContainsKey(prediction.AnchorProductId)))
            {
                var boughtOn = await _dateTimeHelper.ConvertToUserTimeAsync(prediction.AnchorOnUtc.Value, DateTimeKind.Utc);
                var byOn = await _dateTimeHelper.ConvertToUserTimeAsync(prediction.DueOnUtc, DateTimeKind.Utc);
                model.NeedNext.Add(Product(products[prediction.ProductId],
                    string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Account.NeedNextBecause"),
                        products[prediction.AnchorProductId].Name, boughtOn.ToShortDateString(), byOn.ToShortDateString())));
            }

            foreach (var prediction in due.Where(prediction => !prediction.IsComplement && products.ContainsKey(prediction.ProductId)))
            {
                var dueOn = await _dateTimeHelper.ConvertToUserTimeAsync(prediction.DueOnUtc, DateTimeKind.Utc);
                model.DueReorders.Add(Product(products[prediction.ProductId],
                    string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync("Plugins.Misc.Personalization.Account.DueOn"), dueOn.ToShortDateString())));
            }

            foreach (var product in recommended.Where(product => products.ContainsKey(product.ProductId)))
                model.Recommendations.Add(Product(products[product.ProductId], await WhyAsync(product.Reasons, names, language.Id)));

            if (profile != null)
                model.ProfileComputedOn = await _dateTimeHelper.ConvertToUserTimeAsync(profile.LastComputedOnUtc, DateTimeKind.Utc);
        }
        catch (Exception exception)
        {
            _log.Error("the shopper's personalisation page could not be loaded.", exception);
            return new MyPersonalizationModel { LoadFailed = true, OptedOut = model.OptedOut, Identified = model.Identified };
        }

        return model;
    }

    private static void FillProfile(MyPersonalizationModel model, CustomerProfileModel profile)
    {
        var strong = profile.Affinities.Where(affinity => affinity.Score >= MIN_AFFINITY).OrderByDescending(affinity => affinity.Score).ToList();
        foreach (var affinity in strong.Where(affinity => affinity.Kind == AffinityKind.Category).Take(MAX_CATEGORIES))
            model.Categories.Add(affinity.Name);
        foreach (var affinity in strong.Where(affinity => affinity.Kind == AffinityKind.Manufacturer).Take(MAX_BRANDS))
            model.Brands.Add(affinity.Name);
        foreach (var affinity in strong.Where(affinity => AffinityCalculator.IsAttribute(affinity.Kind)).Take(MAX_ATTRIBUTES))
            model.Attributes.Add(affinity.Name);
        model.PriceRange = strong.FirstOrDefault(affinity => affinity.Kind == AffinityKind.PriceBand)?.Name;
        foreach (var segment in profile.Segments)
            model.Segments.Add(segment);
    }

    private async Task<List<RecommendedProduct>> RecommendAsync(Customer customer, int storeId)
    {
        var request = new RecommendationRequest(PlacementStrategy.ForYou, storeId, customer.Id, MAX_RECOMMENDATIONS + WidgetModelBuilder.SPARE_CANDIDATES);
        var recommended = _recommendationService.Recommend(request, _timeProvider.GetUtcNow().UtcDateTime);
        if (recommended.Count == 0)
            return [];

        var showable = (await _showableProducts.FilterAsync(recommended.Select(product => product.ProductId).ToList(), customer, storeId, MAX_RECOMMENDATIONS))
            .Select(product => product.Id)
            .ToHashSet();

        return recommended.Where(product => showable.Contains(product.ProductId)).ToList();
    }

    private async Task<string> WhyAsync(IReadOnlyList<Reason> reasons, ReasonNames names, int languageId)
    {
        foreach (var reason in reasons ?? [])
        {
            var sentence = await _reasonSentences.SentenceAsync(reason, names, languageId);
            if (!string.IsNullOrEmpty(sentence))
                return sentence;
        }

        return null;
    }

    private static MyProductModel Product(ReplenishmentProduct product, string why) => new()
    {
        ProductId = product.ProductId,
        Name = product.Name,
        Url = product.Url,
        Why = why
    };
}
