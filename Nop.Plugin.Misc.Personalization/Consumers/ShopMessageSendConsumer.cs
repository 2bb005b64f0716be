using Nop.Core.Domain.Messages;
using Nop.Core.Events;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.Personalization.Consumers;

/// <summary>
/// A shop message or campaign e-mail carrying a personal block was queued: its send counts for
/// <see cref="Engine.Messaging.EmailKind.ShopMessage"/>. Messages without the block cost one substring search.
/// </summary>
public class ShopMessageSendConsumer : IConsumer<EntityInsertedEvent<QueuedEmail>>
{
    private readonly ShopMessageSends _sends;

    public ShopMessageSendConsumer(ShopMessageSends sends)
    {
        _sends = sends;
    }

    public Task HandleEventAsync(EntityInsertedEvent<QueuedEmail> eventMessage) => _sends.RecordAsync(eventMessage.Entity?.Body);
}
