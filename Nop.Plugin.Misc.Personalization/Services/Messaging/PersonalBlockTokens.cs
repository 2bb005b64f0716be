using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Fills the plugin's tokens while nopCommerce builds one of its messages or a newsletter campaign e-mail, per
/// recipient. The message's store is the order's or the subscription's when there is one; for a customer it is the store
/// whose address the message's %Store.URL% token carries (nopCommerce adds store tokens first), else the current store.
/// A token filled later for the same message replaces an earlier one: a campaign adds a subscriber's tokens (trending)
/// before the matching customer's (personal).
/// </summary>
public class PersonalBlockTokens
{
    public const string FOR_YOU = "Personalization.ForYou";
    public const string BOUGHT_TOGETHER = "Personalization.BoughtTogether";
    private const string STORE_URL_TOKEN = "Store.URL";

    public static IReadOnlyList<string> CustomerTokens { get; } = [$"%{FOR_YOU}%"];

    public static IReadOnlyList<string> OrderTokens { get; } = [$"%{BOUGHT_TOGETHER}%"];

    private readonly PersonalBlocks _blocks;
    private readonly ICustomerService _customerService;
    private readonly IRepository<OrderItem> _orderItemRepository;
    private readonly IStoreContext _storeContext;
    private readonly IRepository<Store> _storeRepository;

    public PersonalBlockTokens(PersonalBlocks blocks,
        ICustomerService customerService,
        IRepository<OrderItem> orderItemRepository,
        IStoreContext storeContext,
        IRepository<Store> storeRepository)
    {
        _blocks = blocks;
        _customerService = customerService;
        _orderItemRepository = orderItemRepository;
        _storeContext = storeContext;
        _storeRepository = storeRepository;
    }

    public virtual async Task AddForCustomerAsync(IList<Token> tokens, Customer customer)
    {
        if (tokens == null || customer == null)
            return;

        var store = await StoreOfMessageAsync(tokens);
        Put(tokens, FOR_YOU, await _blocks.ForYouAsync(store, customer, customer.LanguageId.GetValueOrDefault()));
    }

    /// <summary>A subscriber gets trending products; a matching customer's tokens, added next, replace them.</summary>
    public virtual async Task AddForSubscriptionAsync(IList<Token> tokens, NewsLetterSubscription subscription)
    {
        if (tokens == null || subscription == null)
            return;

        var store = await _storeRepository.GetByIdAsync(subscription.StoreId) ?? await _storeContext.GetCurrentStoreAsync();
        Put(tokens, FOR_YOU, await _blocks.ForYouAsync(store, null, subscription.LanguageId));
    }

    public virtual async Task AddForOrderAsync(IList<Token> tokens, Order order)
    {
        if (tokens == null || order == null)
            return;

        var store = await _storeRepository.GetByIdAsync(order.StoreId) ?? await _storeContext.GetCurrentStoreAsync();
        var orderId = order.Id;
        var productIds = (await _orderItemRepository.GetAllAsync(query => query.Where(item => item.OrderId == orderId)))
            .Select(item => item.ProductId).Distinct().ToList();
        var customer = await _customerService.GetCustomerByIdAsync(order.CustomerId);
        Put(tokens, BOUGHT_TOGETHER, await _blocks.BoughtTogetherAsync(store, customer, productIds, order.CustomerLanguageId));
    }

    private static void Put(IList<Token> tokens, string key, string html)
    {
        foreach (var earlier in tokens.Where(token => token.Key == key).ToList())
            tokens.Remove(earlier);

        tokens.Add(new Token(key, html ?? string.Empty, neverHtmlEncoded: true));
    }

    private async Task<Store> StoreOfMessageAsync(IList<Token> tokens)
    {
        var url = (tokens.FirstOrDefault(token => token.Key == STORE_URL_TOKEN)?.Value as string)?.TrimEnd('/');
        if (!string.IsNullOrEmpty(url))
        {
            var stores = await _storeRepository.GetAllAsync(query => query.Where(store => !store.Deleted));
            var match = stores.FirstOrDefault(store => string.Equals(store.Url?.TrimEnd('/'), url, StringComparison.OrdinalIgnoreCase));
            if (match != null)
                return match;
        }

        return await _storeContext.GetCurrentStoreAsync();
    }
}
