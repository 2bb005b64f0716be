using Nop.Core;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The search provider's work: candidates from the in-memory index of the current store's products, re-ranked for the
/// current shopper by their taste, the query's statistics and trending. Memory only; no database on the way.
/// </summary>
public class PersonalizedSearch : IPersonalizedSearch
{
    /// <summary>How many matches nopCommerce gets: it filters and pages them in one SQL query with the ids inlined.</summary>
    public const int MAX_RESULTS = 500;

    private readonly IPersonalizationConsent _consent;
    private readonly ICustomerHistory _history;
    private readonly ISearchIndexHolder _indexHolder;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly TimeProvider _timeProvider;
    private readonly IWorkContext _workContext;

    public PersonalizedSearch(IPersonalizationConsent consent,
        ICustomerHistory history,
        ISearchIndexHolder indexHolder,
        IRecommenderHolder recommenderHolder,
        PersonalizationSettings settings,
        IStoreContext storeContext,
        TimeProvider timeProvider,
        IWorkContext workContext)
    {
        _consent = consent;
        _history = history;
        _indexHolder = indexHolder;
        _recommenderHolder = recommenderHolder;
        _settings = settings;
        _storeContext = storeContext;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    /// <exception cref="SearchIndexNotReadyException">The index is not built yet on this node.</exception>
    public async Task<List<int>> SearchAsync(string keywords)
    {
        var index = _indexHolder.Index ?? throw new SearchIndexNotReadyException();
        var store = await _storeContext.GetCurrentStoreAsync();
        var candidates = index.Search(keywords, store.Id, MAX_RESULTS);
        if (candidates.Count <= 1)
            return candidates.Select(candidate => candidate.ProductId).ToList();

        var recommender = _recommenderHolder.Find(store.Id);
        if (!_settings.Enabled || recommender == null)
            return candidates.Select(candidate => candidate.ProductId).ToList();

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var catalog = recommender.Snapshot.Catalog;
        var customer = await _workContext.GetCurrentCustomerAsync();
        var taste = customer != null && await _consent.MayIdentifyAsync(customer, store.Id)
            ? ShopperTaste.From(_history.Get(store.Id, customer.Id), catalog, now, Math.Max(1, _settings.DecayHalfLifeDays))
            : ShopperTaste.Empty(catalog);
        var signals = new PersonalSearchSignals(catalog, recommender.Snapshot.Popularity, taste, _indexHolder.QueryStatsOf(store.Id).For(keywords));
        return SearchRanker.Rank(candidates, signals, _indexHolder.WeightsOf(store.Id)).Select(result => result.ProductId).ToList();
    }
}
