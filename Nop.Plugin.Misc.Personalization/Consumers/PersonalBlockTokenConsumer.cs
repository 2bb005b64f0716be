using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.Personalization.Services.Logging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Events;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// The plugin's personal blocks in nopCommerce's own messages and newsletter campaigns: listed for the admin's template
/// and campaign pages, filled per recipient while nopCommerce builds the message. A failure leaves the token empty and is
/// logged; the message itself is never held up.
/// </summary>
public class PersonalBlockTokenConsumer :
    IConsumer<EntityTokensAddedEvent<Customer>>,
    IConsumer<EntityTokensAddedEvent<Order>>,
    IConsumer<EntityTokensAddedEvent<NewsLetterSubscription>>,
    IConsumer<AdditionalTokensAddedEvent>,
    IConsumer<CampaignAdditionalTokensAddedEvent>
{
    private readonly IShopLog _log;
    private readonly PersonalBlockTokens _tokens;

    public PersonalBlockTokenConsumer(IShopLog log, PersonalBlockTokens tokens)
    {
        _log = log;
        _tokens = tokens;
    }

    public Task HandleEventAsync(EntityTokensAddedEvent<Customer> eventMessage) =>
        SafelyAsync(() => _tokens.AddForCustomerAsync(eventMessage.Tokens, eventMessage.Entity));

    public Task HandleEventAsync(EntityTokensAddedEvent<Order> eventMessage) =>
        SafelyAsync(() => _tokens.AddForOrderAsync(eventMessage.Tokens, eventMessage.Entity));

    public Task HandleEventAsync(EntityTokensAddedEvent<NewsLetterSubscription> eventMessage) =>
        SafelyAsync(() => _tokens.AddForSubscriptionAsync(eventMessage.Tokens, eventMessage.Entity));

    public Task HandleEventAsync(AdditionalTokensAddedEvent eventMessage)
    {
        var groups = eventMessage.TokenGroups?.ToList() ?? [];
        //no groups asked: every token; otherwise ours where nopCommerce's customer or order tokens are offered
        if (groups.Count == 0 || groups.Contains("Customer tokens"))
            List(eventMessage, PersonalBlockTokens.CustomerTokens);
        if (groups.Count == 0 || groups.Contains("Order tokens"))
            List(eventMessage, PersonalBlockTokens.OrderTokens);
        return Task.CompletedTask;
    }

    //a campaign goes to subscribers: the subscriber's tokens (trending, or personal for a matching customer)
    public Task HandleEventAsync(CampaignAdditionalTokensAddedEvent eventMessage)
    {
        List(eventMessage, PersonalBlockTokens.CustomerTokens);
        return Task.CompletedTask;
    }

    //what AddTokens does, on the list itself
    private static void List(AdditionalTokensAddedEvent eventMessage, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
            eventMessage.AdditionalTokens.Add(token);
    }

    private async Task SafelyAsync(Func<Task> fill)
    {
        try
        {
            await fill();
        }
        catch (Exception exception)
        {
            _log.Warning("a personal block could not be filled in a shop message.", exception);
        }
    }
}
