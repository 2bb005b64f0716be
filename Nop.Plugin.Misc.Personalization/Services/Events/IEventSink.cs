using System.Threading.Channels;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// The bounded queue between storefront requests and the database writer. Enqueueing never blocks:
/// when the queue is full (the database is down or too slow) the item is dropped and counted.
/// </summary>
public interface IEventSink
{
    bool TryEnqueue(CaptureItem item);

    ChannelReader<CaptureItem> Reader { get; }

    EventSinkCounters Counters { get; }
}
