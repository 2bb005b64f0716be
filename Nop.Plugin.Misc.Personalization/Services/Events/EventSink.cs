using System.Threading.Channels;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

public sealed class EventSink : IEventSink
{
    private readonly Channel<CaptureItem> _channel;

    public EventSink(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _channel = Channel.CreateBounded<CaptureItem>(new BoundedChannelOptions(capacity)
        {
            //Wait makes TryWrite return false when full, so every drop is seen and counted
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false
        });
    }

    public int Capacity { get; }

    public ChannelReader<CaptureItem> Reader => _channel.Reader;

    public EventSinkCounters Counters { get; } = new();

    public bool TryEnqueue(CaptureItem item)
    {
        if (_channel.Writer.TryWrite(item))
        {
            Counters.OnAccepted();
            return true;
        }

        Counters.OnDropped();
        return false;
    }
}
