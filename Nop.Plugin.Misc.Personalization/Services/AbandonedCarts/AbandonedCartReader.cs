using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Services.AbandonedCarts;

/// <summary>
/// The shop's carts, orders and the plugin's reminder rows an abandoned-cart run decides from. Customers are read in
/// IN lists of at most <see cref="CUSTOMER_CHUNK"/> (SQL Server takes at most 2,100 parameters).
/// </summary>
public class AbandonedCartReader
{
    public const int CUSTOMER_CHUNK = 1_000;
    private const int SHOPPING_CART = (int)ShoppingCartType.ShoppingCart;

    private readonly IRepository<ShoppingCartItem> _cartRepository;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<PersonalizationCartReminder> _reminderRepository;

    public AbandonedCartReader(IRepository<ShoppingCartItem> cartRepository,
        IRepository<PersonalizationEvent> eventRepository,
        IRepository<Order> orderRepository,
        IRepository<PersonalizationCartReminder> reminderRepository)
    {
        _cartRepository = cartRepository;
        _eventRepository = eventRepository;
        _orderRepository = orderRepository;
        _reminderRepository = reminderRepository;
    }

    /// <summary>
    /// Carts of the store whose latest line change lies between <paramref name="changedFrom"/> and
    /// <paramref name="changedUpTo"/>, with all their lines; a removed line leaves no row, so the latest cart event the
    /// plugin captured (add or remove) counts as a change too.
    /// </summary>
    public virtual async Task<IReadOnlyList<AbandonedCart>> IdleCartsAsync(int storeId, DateTime changedFrom, DateTime changedUpTo)
    {
        var lines = _cartRepository.Table;
        var rows = await _cartRepository.GetAllAsync(query => query
            .Where(item => item.ShoppingCartTypeId == SHOPPING_CART && item.StoreId == storeId
                && lines.Any(other => other.CustomerId == item.CustomerId && other.StoreId == storeId
                    && other.ShoppingCartTypeId == SHOPPING_CART && other.UpdatedOnUtc >= changedFrom)
                && !lines.Any(other => other.CustomerId == item.CustomerId && other.StoreId == storeId
                    && other.ShoppingCartTypeId == SHOPPING_CART && other.UpdatedOnUtc > changedUpTo))
            .OrderBy(item => item.CustomerId)
            .ThenBy(item => item.Id));

        var carts = rows.GroupBy(item => item.CustomerId)
            .Select(group => new AbandonedCart(group.Key, storeId,
                group.Select(item => new CartLine(item.ProductId, item.AttributesXml ?? string.Empty, item.Quantity)).ToList(),
                group.Max(item => item.UpdatedOnUtc)))
            .ToList();

        var lastEvents = await LastCartEventsAsync(storeId, carts.Select(cart => cart.CustomerId).ToList(), changedFrom);
        return carts
            .Select(cart => lastEvents.TryGetValue(cart.CustomerId, out var eventUtc) && eventUtc > cart.LastChangedUtc
                ? cart with { LastChangedUtc = eventUtc }
                : cart)
            .Where(cart => cart.LastChangedUtc <= changedUpTo)
            .ToList();
    }

    /// <summary>The current cart of one customer in one store (the restore link compares it with the signed state).</summary>
    public virtual async Task<IReadOnlyList<CartLine>> CartAsync(int customerId, int storeId) =>
        (await CartItemsAsync(customerId, storeId)).Select(item => new CartLine(item.ProductId, item.AttributesXml ?? string.Empty, item.Quantity)).ToList();

    /// <summary>The rows of one customer's cart in one store, for pricing its lines as nopCommerce does.</summary>
    public virtual async Task<IList<ShoppingCartItem>> CartItemsAsync(int customerId, int storeId) =>
        await _cartRepository.GetAllAsync(query => query
            .Where(item => item.CustomerId == customerId && item.StoreId == storeId && item.ShoppingCartTypeId == SHOPPING_CART));

    /// <summary>Each customer's latest order in the store placed at or after <paramref name="since"/>.</summary>
    public virtual async Task<IReadOnlyDictionary<int, DateTime>> LastOrdersAsync(int storeId, IReadOnlyCollection<int> customerIds, DateTime since)
    {
        var latest = new Dictionary<int, DateTime>();
        foreach (var chunk in customerIds.Distinct().Chunk(CUSTOMER_CHUNK))
        {
            var orders = await _orderRepository.GetAllAsync(query => query
                .Where(order => order.StoreId == storeId && !order.Deleted && order.CreatedOnUtc >= since && chunk.Contains(order.CustomerId)));
            foreach (var order in orders)
            {
                if (!latest.TryGetValue(order.CustomerId, out var known) || order.CreatedOnUtc > known)
                    latest[order.CustomerId] = order.CreatedOnUtc;
            }
        }

        return latest;
    }

    public virtual async Task<IReadOnlyDictionary<int, PersonalizationCartReminder>> RemindersAsync(int storeId, IReadOnlyCollection<int> customerIds)
    {
        var reminders = new Dictionary<int, PersonalizationCartReminder>();
        foreach (var chunk in customerIds.Distinct().Chunk(CUSTOMER_CHUNK))
        {
            var rows = await _reminderRepository.GetAllAsync(query => query
                .Where(reminder => reminder.StoreId == storeId && chunk.Contains(reminder.CustomerId)));
            foreach (var row in rows)
                reminders[row.CustomerId] = row;
        }

        return reminders;
    }

    /// <summary>Records the e-mailed state: a new state replaces the customer's row, a second reminder marks it.</summary>
    public virtual async Task SaveReminderAsync(PersonalizationCartReminder existing, AbandonedCart cart, AbandonedCartStep step, DateTime nowUtc)
    {
        if (existing == null)
        {
            await _reminderRepository.InsertAsync(new PersonalizationCartReminder
            {
                CustomerId = cart.CustomerId,
                StoreId = cart.StoreId,
                Fingerprint = cart.Fingerprint,
                CartChangedOnUtc = cart.LastChangedUtc,
                FirstSentOnUtc = nowUtc
            }, publishEvent: false);
            return;
        }

        if (step == AbandonedCartStep.Second)
            existing.SecondSentOnUtc = nowUtc;
        else
        {
            existing.Fingerprint = cart.Fingerprint;
            existing.CartChangedOnUtc = cart.LastChangedUtc;
            existing.FirstSentOnUtc = nowUtc;
            existing.SecondSentOnUtc = null;
        }

        await _reminderRepository.UpdateAsync(existing, publishEvent: false);
    }

    private async Task<IReadOnlyDictionary<int, DateTime>> LastCartEventsAsync(int storeId, IReadOnlyList<int> customerIds, DateTime since)
    {
        var latest = new Dictionary<int, DateTime>();
        var added = (int)InteractionType.AddToCart;
        var removed = (int)InteractionType.RemoveFromCart;
        foreach (var chunk in customerIds.Chunk(CUSTOMER_CHUNK))
        {
            var events = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.StoreId == storeId && e.CreatedOnUtc >= since && (e.EventType == added || e.EventType == removed)
                    && chunk.Contains(e.CustomerId)));
            foreach (var e in events)
            {
                if (!latest.TryGetValue(e.CustomerId, out var known) || e.CreatedOnUtc > known)
                    latest[e.CustomerId] = e.CreatedOnUtc;
            }
        }

        return latest;
    }
}
