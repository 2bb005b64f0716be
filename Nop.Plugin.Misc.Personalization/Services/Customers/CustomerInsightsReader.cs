using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Models.CustomerInsights;
using Nop.Plugin.Misc.Personalization.Services.Catalog;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Customers;

/// <summary>
/// Shapes the customer insights block from the rows the training run and the event capture wrote: four indexed
/// queries by customer (profiles, predictions, recent actions, a count of impressions), then names by primary key for
/// what they refer to.
/// </summary>
public class CustomerInsightsReader : ICustomerInsightsReader
{
    public const int MAX_PREDICTIONS = 10;
    public const int MAX_EVENTS = 20;


    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly ILocalizationService _localizationService;
    private readonly IRepository<PersonalizationPrediction> _predictionRepository;
    private readonly ProfileFactTexts _profileFactTexts;
    private readonly IRepository<PersonalizationProfile> _profileRepository;
    private readonly IRepository<PersonalizationSegment> _segmentRepository;
    private readonly PriceBandNames _priceBandNames;
    private readonly ShopNames _shopNames;
    private readonly AttributeNames _attributeNames;

    public CustomerInsightsReader(IRepository<PersonalizationEvent> eventRepository,
        ILocalizationService localizationService,
        IRepository<PersonalizationPrediction> predictionRepository,
        ProfileFactTexts profileFactTexts,
        IRepository<PersonalizationProfile> profileRepository,
        IRepository<PersonalizationSegment> segmentRepository,
        PriceBandNames priceBandNames,
        ShopNames shopNames,
        AttributeNames attributeNames)
    {
        _attributeNames = attributeNames;
        _priceBandNames = priceBandNames;
        _eventRepository = eventRepository;
        _localizationService = localizationService;
        _predictionRepository = predictionRepository;
        _profileFactTexts = profileFactTexts;
        _profileRepository = profileRepository;
        _segmentRepository = segmentRepository;
        _shopNames = shopNames;
    }

    public async Task<CustomerInsightsModel> ReadAsync(int customerId)
    {
        var model = new CustomerInsightsModel { CustomerId = customerId };

        var profiles = await _profileRepository.GetAllAsync(query => query
            .Where(profile => profile.CustomerId == customerId)
            .OrderBy(profile => profile.StoreId));
        var predictions = await _predictionRepository.GetAllAsync(query => query
            .Where(prediction => prediction.CustomerId == customerId)
            .OrderBy(prediction => prediction.DueOnUtc)
            .ThenByDescending(prediction => prediction.Score)
            .ThenBy(prediction => prediction.Id)
            .Take(MAX_PREDICTIONS));
        //impression rows of versions before 0.7.0 are what the shop did: they would crowd out what the customer did
        var events = await _eventRepository.GetAllAsync(query => query
            .Where(interaction => interaction.CustomerId == customerId
                && interaction.EventType != (byte)InteractionType.RecommendationImpression)
            .OrderByDescending(interaction => interaction.CreatedOnUtc)
            .ThenByDescending(interaction => interaction.Id)
            .Take(MAX_EVENTS));

        if (profiles.Count == 0 && predictions.Count == 0 && events.Count == 0)
            return model;

        var stores = await _shopNames.StoresAsync();
        var storeNames = stores.ToDictionary(store => store.Id, store => store.Name);
        model.ShowStores = stores.Count(store => !store.Deleted) > 1;

        var productNames = await _shopNames.ProductsAsync(predictions.Select(prediction => prediction.ProductId)
            .Concat(predictions.Select(prediction => prediction.AnchorProductId))
            .Concat(events.Select(interaction => interaction.ProductId))
            .Where(id => id > 0)
            .Distinct()
            .ToList());

        foreach (var profile in await PrepareProfilesAsync(profiles))
        {
            profile.StoreName = NameOf(storeNames, profile.StoreId);
            model.Profiles.Add(profile);
        }

        foreach (var prediction in predictions)
            model.Predictions.Add(await PreparePredictionAsync(prediction, storeNames, productNames));

        foreach (var interaction in events)
            model.Events.Add(await PrepareEventAsync(interaction, storeNames, productNames));

        return model;
    }

    private async Task<IList<CustomerProfileModel>> PrepareProfilesAsync(IList<PersonalizationProfile> profiles)
    {
        var affinities = profiles.ToDictionary(profile => profile.Id,
            profile => AffinityText.TryParse(profile.Affinities, out var parsed, out _) ? parsed : Array.Empty<Affinity>());
        var categoryNames = await _shopNames.CategoriesAsync(IdsOf(affinities.Values, AffinityKind.Category));
        var manufacturerNames = await _shopNames.ManufacturersAsync(IdsOf(affinities.Values, AffinityKind.Manufacturer));
        var attributeNames = await _attributeNames.NamesAsync(affinities.Values.SelectMany(list => list));
        var segmentNames = await SegmentNamesAsync(profiles.SelectMany(profile => ProfileSegmentIds.Parse(profile.SegmentIds)).Distinct().ToList());

        var models = new List<CustomerProfileModel>();
        foreach (var profile in profiles)
        {
            var stage = (LifecycleStage)profile.LifecycleStage;
            var model = new CustomerProfileModel
            {
                StoreId = profile.StoreId,
                LifecycleStage = stage,
                Lifecycle = await TextAsync(CustomerInsightResources.Lifecycle(stage), profile.LifecycleStage),
                Recency = profile.Recency,
                Frequency = profile.Frequency,
                Monetary = profile.Monetary,
                Orders = profile.Orders,
                TotalSpent = profile.TotalSpent,
                LastOrderOnUtc = profile.LastOrderOnUtc,
                MedianGapDays = profile.MedianGapDays,
                ProbabilityAlive = profile.ProbabilityAlive,
                ExpectedPurchases90Days = profile.ExpectedPurchases90Days,
                LifetimeText = await _profileFactTexts.LifetimeAsync(profile),
                EmailEngagement = await _profileFactTexts.EmailAsync(profile),
                LastComputedOnUtc = profile.LastComputedOnUtc,
                Segments = ProfileSegmentIds.Parse(profile.SegmentIds)
                    .Where(segmentNames.ContainsKey)
                    .Select(id => segmentNames[id])
                    .ToList()
            };

            foreach (var affinity in affinities[profile.Id])
                model.Affinities.Add(await PrepareAffinityAsync(affinity, categoryNames, manufacturerNames, attributeNames));

            models.Add(model);
        }

        return models;
    }

    private async Task<CustomerAffinityModel> PrepareAffinityAsync(Affinity affinity,
        IReadOnlyDictionary<int, string> categoryNames, IReadOnlyDictionary<int, string> manufacturerNames,
        IReadOnlyDictionary<(AffinityKind Kind, int Id), string> attributeNames)
    {
        var name = affinity.Kind switch
        {
            AffinityKind.Category => NameOf(categoryNames, affinity.Id),
            AffinityKind.Manufacturer => NameOf(manufacturerNames, affinity.Id),
            _ when AffinityCalculator.IsAttribute(affinity.Kind) => attributeNames.TryGetValue((affinity.Kind, affinity.Id), out var attribute) && !string.IsNullOrEmpty(attribute)
                ? attribute
                : "#" + affinity.Id.ToString(CultureInfo.InvariantCulture),
            _ => await _priceBandNames.NameOfAsync(affinity.Id)
        };

        return new CustomerAffinityModel
        {
            Kind = affinity.Kind,
            Id = affinity.Id,
            KindName = await TextAsync(CustomerInsightResources.Affinity(affinity.Kind), affinity.Kind),
            Name = name,
            Score = affinity.Score
        };
    }

    private async Task<CustomerPredictionModel> PreparePredictionAsync(PersonalizationPrediction prediction,
        IReadOnlyDictionary<int, string> storeNames, IReadOnlyDictionary<int, string> productNames)
    {
        return new CustomerPredictionModel
        {
            StoreId = prediction.StoreId,
            StoreName = NameOf(storeNames, prediction.StoreId),
            ProductId = prediction.ProductId,
            ProductName = NameOf(productNames, prediction.ProductId),
            Kind = await TextAsync(CustomerInsightResources.Prediction((PredictionKind)prediction.Kind), prediction.Kind),
            DueOnUtc = prediction.DueOnUtc,
            Score = prediction.Score,
            EmailedOnUtc = prediction.EmailedOnUtc,
            Basis = await BasisAsync(prediction, productNames),
            IsComplement = prediction.Kind == (int)PredictionKind.Complement,
            AnchorProductId = prediction.AnchorProductId,
            AnchorOnUtc = prediction.AnchorOnUtc
        };
    }

    /// <summary>What a complement follows: the anchor purchase and the window (due date = window end) in days.</summary>
    private async Task<string> BasisAsync(PersonalizationPrediction prediction, IReadOnlyDictionary<int, string> productNames)
    {
        if (prediction.Kind != (int)PredictionKind.Complement || prediction.AnchorProductId <= 0 || prediction.AnchorOnUtc == null)
            return null;

        var anchorOn = prediction.AnchorOnUtc.Value;
        return string.Format(CultureInfo.CurrentCulture, await _localizationService.GetResourceAsync(CustomerInsightResources.COMPLEMENT_BASIS),
            NameOf(productNames, prediction.AnchorProductId),
            anchorOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Max(1, (int)Math.Round((prediction.DueOnUtc - anchorOn).TotalDays)));
    }

    private async Task<CustomerEventModel> PrepareEventAsync(PersonalizationEvent interaction,
        IReadOnlyDictionary<int, string> storeNames, IReadOnlyDictionary<int, string> productNames)
    {
        return new CustomerEventModel
        {
            StoreName = NameOf(storeNames, interaction.StoreId),
            Type = await TextAsync(CustomerInsightResources.Interaction((InteractionType)interaction.EventType), interaction.EventType),
            ProductId = interaction.ProductId,
            ProductName = interaction.ProductId > 0 ? NameOf(productNames, interaction.ProductId) : null,
            Query = interaction.Query,
            Quantity = interaction.Quantity,
            CreatedOnUtc = interaction.CreatedOnUtc
        };
    }

    private async Task<IReadOnlyDictionary<int, string>> SegmentNamesAsync(IList<int> ids)
    {
        if (ids.Count == 0)
            return new Dictionary<int, string>();

        var segments = await _segmentRepository.GetByIdsAsync(ids);
        return segments.ToDictionary(segment => segment.Id, segment => segment.Name);
    }

    /// <summary>
    /// The stored text of a code, or the code itself when this version has no text for it.
    /// </summary>
    private async Task<string> TextAsync(string resourceKey, object code)
    {
        return resourceKey == null
            ? Convert.ToString(code, CultureInfo.InvariantCulture)
            : await _localizationService.GetResourceAsync(resourceKey);
    }

    private static List<int> IdsOf(IEnumerable<IReadOnlyList<Affinity>> affinities, AffinityKind kind) =>
        affinities.SelectMany(list => list).Where(affinity => affinity.Kind == kind).Select(affinity => affinity.Id).Distinct().ToList();

    private static string NameOf(IReadOnlyDictionary<int, string> names, int id) =>
        names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? name : "#" + id.ToString(CultureInfo.InvariantCulture);
}
