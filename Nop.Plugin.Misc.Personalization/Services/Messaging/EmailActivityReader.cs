using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// What the insights run needs for e-mail engagement: the customers' plugin e-mails from the send log and their
/// identified opens and clicks from the events, both bounded by time (the log's period index, the events' creation index).
/// </summary>
public class EmailActivityReader
{
    public const int PAGE_SIZE = 50_000;

    private const int OPEN = (int)InteractionType.EmailOpen;
    private const int CLICK = (int)InteractionType.EmailClick;

    private readonly IRepository<PersonalizationEvent> _eventRepository;
    private readonly IRepository<PersonalizationEmailSend> _sendRepository;

    public EmailActivityReader(IRepository<PersonalizationEvent> eventRepository, IRepository<PersonalizationEmailSend> sendRepository)
    {
        _eventRepository = eventRepository;
        _sendRepository = sendRepository;
    }

    public async Task<List<EmailActivity>> ReadAsync(DateTime nowUtc)
    {
        var from = nowUtc.AddDays(-EmailEngagementCalculator.WindowDays);
        var activity = new List<EmailActivity>();

        var afterId = 0;
        while (true)
        {
            var lastId = afterId;
            var sends = await _sendRepository.GetAllAsync(query => query
                .Where(send => send.SentOnUtc >= from && send.SentOnUtc <= nowUtc && send.CustomerId > 0 && send.Id > lastId)
                .OrderBy(send => send.Id)
                .Take(PAGE_SIZE));
            activity.AddRange(sends.Select(send => new EmailActivity(send.StoreId, send.CustomerId, EmailActivityType.Sent, (EmailKind)send.Kind, 0,
                DateTime.SpecifyKind(send.SentOnUtc, DateTimeKind.Utc))));
            if (sends.Count < PAGE_SIZE)
                break;
            afterId = sends[^1].Id;
        }

        var afterEventId = 0;
        while (true)
        {
            var lastId = afterEventId;
            var page = await _eventRepository.GetAllAsync(query => query
                .Where(e => e.CreatedOnUtc >= from && e.CreatedOnUtc <= nowUtc && (e.EventType == OPEN || e.EventType == CLICK) && e.CustomerId > 0 && e.Id > lastId)
                .OrderBy(e => e.Id)
                .Take(PAGE_SIZE)
                .Select(e => new PersonalizationEvent
                {
                    Id = e.Id,
                    StoreId = e.StoreId,
                    CustomerId = e.CustomerId,
                    EventType = e.EventType,
                    Placement = e.Placement,
                    CreatedOnUtc = e.CreatedOnUtc
                }));
            foreach (var e in page)
            {
                if (EmailPlacement.Parse(e.Placement) is not { EmailId: > 0 } email)
                    continue;
                activity.Add(new EmailActivity(e.StoreId, e.CustomerId, e.EventType == CLICK ? EmailActivityType.Clicked : EmailActivityType.Opened,
                    email.Kind, email.EmailId, DateTime.SpecifyKind(e.CreatedOnUtc, DateTimeKind.Utc)));
            }

            if (page.Count < PAGE_SIZE)
                return activity;
            afterEventId = page[^1].Id;
        }
    }
}
