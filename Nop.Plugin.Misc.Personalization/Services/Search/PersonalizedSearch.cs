using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The search provider's work: candidates from the in-memory index of the current store's products (or from the other
/// search provider the owner delegates to; when it fails, from the index), re-ranked for the current shopper by their
/// taste, the query's statistics and trending. Memory only on the plugin's side; no database on the way.
/// </summary>
public class PersonalizedSearch : IPersonalizedSearch
{
    /// <summary>How many matches nopCommerce gets: it filters and pages them in one SQL query with the ids inlined.</summary>
    public const int MAX_RESULTS = 500;

    private readonly IPersonalizationConsent _consent;
    private readonly SearchDelegation _delegation;
    private readonly ICustomerHistory _history;
    private readonly ISearchIndexHolder _indexHolder;
    private readonly IRecommenderHolder _recommenderHolder;
    private readonly PersonalizationSettings _settings;
    private readonly IStoreContext _storeContext;
    private readonly TimeProvider _timeProvider;
    private readonly IShopLog _log;
    private readonly IWorkContext _workContext;

    public PersonalizedSearch(IPersonalizationConsent consent,
        SearchDelegation delegation,
        ICustomerHistory history,
        ISearchIndexHolder indexHolder,
        IRecommenderHolder recommenderHolder,
        PersonalizationSettings settings,
        IStoreContext storeContext,
        TimeProvider timeProvider,
        IShopLog log,
        IWorkContext workContext)
    {
        _consent = consent;
        _delegation = delegation;
        _log = log;
        _history = history;
        _indexHolder = indexHolder;
        _recommenderHolder = recommenderHolder;
        _settings = settings;
        _storeContext = storeContext;
        _timeProvider = timeProvider;
        _workContext = workContext;
    }

    public Task<List<int>> SearchAsync(string keywords) => SearchAsync(keywords, isLocalized: false);

    /// <exception cref="SearchIndexNotReadyException">No other provider answered and the index is not built yet on this node.</exception>
    public async Task<List<int>> SearchAsync(string keywords, bool isLocalized)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        return await SearchForAsync(keywords, isLocalized, await _workContext.GetCurrentCustomerAsync(), store.Id);
    }

    /// <exception cref="SearchIndexNotReadyException">No other provider answered and the index is not built yet on this node.</exception>
    public async Task<List<int>> SearchForAsync(string keywords, bool isLocalized, Customer customer, int storeId)
    {
        var candidates = await DelegatedAsync(keywords, isLocalized) ?? OwnIndex(keywords, storeId);
        if (candidates.Count <= 1)
            return candidates.Select(candidate => candidate.ProductId).ToList();

        var recommender = _recommenderHolder.Find(storeId);
        if (!_settings.Enabled || recommender == null)
            return candidates.Select(candidate => candidate.ProductId).ToList();

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var catalog = recommender.Snapshot.Catalog;
        var taste = customer != null && await _consent.MayIdentifyAsync(customer, storeId)
            ? ShopperTaste.From(_history.Get(storeId, customer.Id), catalog, now, Math.Max(1, _settings.DecayHalfLifeDays))
            : ShopperTaste.Empty(catalog);
        var signals = new PersonalSearchSignals(catalog, recommender.Snapshot.Popularity, taste, _indexHolder.QueryStatsOf(storeId).For(keywords));
        return SearchRanker.Rank(candidates, signals, _indexHolder.WeightsOf(storeId)).Select(result => result.ProductId).ToList();
    }

    private IReadOnlyList<SearchCandidate> OwnIndex(string keywords, int storeId)
    {
        var index = _indexHolder.Index ?? throw new SearchIndexNotReadyException();
        return index.Search(keywords, storeId, MAX_RESULTS);
    }

    /// <returns>The other provider's matches as candidates; null when there is none or it failed (the index answers).</returns>
    private async Task<IReadOnlyList<SearchCandidate>> DelegatedAsync(string keywords, bool isLocalized)
    {
        if (_delegation.DelegateSystemName == null)
            return null;

        try
        {
            var found = await _delegation.SearchAsync(keywords, isLocalized);
            return found == null ? null : DelegatedCandidates.FromOrder(found, MAX_RESULTS);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.Warning($"search provider {_delegation.DelegateSystemName} failed; the plugin's own index answered.", exception);
            return null;
        }
    }
}
