using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

public class EventStore : IEventStore
{
    private const int PURCHASE = (int)InteractionType.Purchase;
    private const int EMAIL_SENT = (int)InteractionType.EmailSent;

    private readonly IRepository<PersonalizationEmailSend> _emailSendRepository;
    private readonly ErasedCustomers _erasedCustomers;
    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IdentifiedDataRemoval _identifiedDataRemoval;

    public EventStore(ErasedCustomers erasedCustomers, IRepository<PersonalizationEvent> eventRepository, IdentifiedDataRemoval identifiedDataRemoval,
        IRepository<PersonalizationEmailSend> emailSendRepository)
    {
        _emailSendRepository = emailSendRepository;
        _erasedCustomers = erasedCustomers;
        _eventRepository = eventRepository;
        _identifiedDataRemoval = identifiedDataRemoval;
    }

    public async Task InsertAsync(IList<PersonalizationEvent> events)
    {
        //events queued before their customer was erased are not written back
        if (_erasedCustomers.Count > 0 && events.Any(e => _erasedCustomers.Covers(e.CustomerId, e.CreatedOnUtc)))
            events = events.Where(e => !_erasedCustomers.Covers(e.CustomerId, e.CreatedOnUtc)).ToList();

        //a send queued from a request (a personal block in a shop message) belongs in the send log, the one record of sends
        if (events.Any(e => e.EventType == EMAIL_SENT))
        {
            var sends = events.Where(e => e.EventType == EMAIL_SENT).Select(ToSend).Where(send => send != null).ToList();
            events = events.Where(e => e.EventType != EMAIL_SENT).ToList();
            if (sends.Count > 0)
                await _emailSendRepository.InsertAsync(sends, publishEvent: false);
        }

        if (events.Count == 0)
            return;

        //a list insert is a bulk copy in nopCommerce's data providers; nobody listens to these entity events
        await _eventRepository.InsertAsync(events, publishEvent: false);
    }

    /// <returns>The send-log row of a send event; null for a placement that names no e-mail kind (never written by the plugin).</returns>
    public static PersonalizationEmailSend ToSend(PersonalizationEvent sent) =>
        EmailPlacement.Parse(sent.Placement) is { } email
            ? new PersonalizationEmailSend { CustomerId = sent.CustomerId, StoreId = sent.StoreId, Kind = (int)email.Kind, SentOnUtc = sent.CreatedOnUtc }
            : null;

    public async Task<int> MoveHistoryAsync(int fromCustomerId, int toCustomerId)
    {
        if (fromCustomerId == toCustomerId || fromCustomerId <= 0 || toCustomerId <= 0)
            return 0;

        //a guest's history is small (one visit or a few), so loading it is cheaper than a provider-specific UPDATE
        var history = await _eventRepository.GetAllAsync(query => query.Where(e => e.CustomerId == fromCustomerId));
        if (history.Count == 0)
            return 0;

        foreach (var personalizationEvent in history)
            personalizationEvent.CustomerId = toCustomerId;

        await _eventRepository.UpdateAsync(history, publishEvent: false);

        return history.Count;
    }

    public Task ForgetCustomerAsync(int customerId) => _identifiedDataRemoval.ForgetCustomerAsync(customerId);

    public Task<int> RetractOrderAsync(int orderId) =>
        orderId <= 0 ? Task.FromResult(0) : _eventRepository.DeleteAsync(e => e.OrderId == orderId && e.EventType == PURCHASE);

    public async Task<bool> IsReachableAsync()
    {
        try
        {
            //any answer proves the database is up; a query that matches no row is the cheapest one every provider runs
            await _eventRepository.GetAllAsync(query => query.Where(e => e.Id < 0));
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return false;
        }
    }
}
