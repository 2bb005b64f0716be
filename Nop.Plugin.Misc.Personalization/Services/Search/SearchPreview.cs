using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization.Models.Search;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Customers;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The configuration page's "search as this customer": the owner types words and a customer (e-mail or id) and sees the
/// first results that shopper gets in the current store, beside those of a shopper the plugin knows nothing about, so
/// the effect of personalised search can be checked before (or after) switching it on. The same code as the provider.
/// </summary>
public class SearchPreview
{
    public const int MAX_WORDS_LENGTH = 200;
    public const int SHOWN = 10;

    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly IPersonalizedSearch _search;
    private readonly ShopNames _shopNames;
    private readonly IStoreContext _storeContext;

    public SearchPreview(ICustomerService customerService,
        ILocalizationService localizationService,
        IPersonalizedSearch search,
        ShopNames shopNames,
        IStoreContext storeContext)
    {
        _customerService = customerService;
        _localizationService = localizationService;
        _search = search;
        _shopNames = shopNames;
        _storeContext = storeContext;
    }

    public async Task<SearchPreviewModel> PrepareAsync(string words, string customerText)
    {
        words = words?.Trim();
        if (string.IsNullOrEmpty(words))
            return await FailedAsync("Plugins.Misc.Personalization.SearchPreview.NoWords");
        if (words.Length > MAX_WORDS_LENGTH)
            return await FailedAsync("Plugins.Misc.Personalization.SearchPreview.TooLong");

        var customer = await FindCustomerAsync(customerText?.Trim());
        if (customer == null)
            return await FailedAsync("Plugins.Misc.Personalization.SearchPreview.UnknownCustomer");

        var store = await _storeContext.GetCurrentStoreAsync();
        List<int> forCustomer, forAnyone;
        try
        {
            forCustomer = await _search.SearchForAsync(words, isLocalized: false, customer, store.Id);
            forAnyone = await _search.SearchForAsync(words, isLocalized: false, customer: null, store.Id);
        }
        catch (SearchIndexNotReadyException)
        {
            return await FailedAsync("Plugins.Misc.Personalization.SearchPreview.NotReady");
        }

        var shown = forCustomer.Take(SHOWN).Concat(forAnyone.Take(SHOWN)).Distinct().ToList();
        var names = await _shopNames.ProductsAsync(shown);
        return new SearchPreviewModel
        {
            Customer = string.IsNullOrEmpty(customer.Email) ? $"#{customer.Id}" : $"{customer.Email} (#{customer.Id})",
            ForCustomer = Items(forCustomer, names),
            ForAnyone = Items(forAnyone, names)
        };
    }

    private async Task<Customer> FindCustomerAsync(string text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var customer = int.TryParse(text, out var id) && id > 0
            ? await _customerService.GetCustomerByIdAsync(id)
            : await _customerService.GetCustomerByEmailAsync(text);
        return customer is { Deleted: false } ? customer : null;
    }

    private static IReadOnlyList<SearchPreviewItem> Items(IEnumerable<int> ids, IReadOnlyDictionary<int, string> names) =>
        ids.Take(SHOWN).Select(id => new SearchPreviewItem(id, names.TryGetValue(id, out var name) ? name : $"#{id}")).ToList();

    private async Task<SearchPreviewModel> FailedAsync(string resourceKey) =>
        new() { Error = await _localizationService.GetResourceAsync(resourceKey) };
}
