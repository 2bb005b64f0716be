using BenchmarkDotNet.Attributes;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.Personalization;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;

namespace Benchmarks;

/// <summary>
/// The request-path cost of recording one interaction: the bounded sink alone, and the whole capture call (guards,
/// live activity, sink). Each enqueue is paired with a dequeue so the buffer never fills.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class CaptureBenchmark
{
    private EventSink _sink;
    private InteractionCapture _capture;
    private Customer _customer;
    private int _product;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new EventSink(1_000_000);
        _customer = new Customer { Id = 42 };
        _capture = new InteractionCapture(new EveryoneIdentified(), new LiveActivity(TimeProvider.System), PersonalizationSettings.Defaults(),
            _sink, TimeProvider.System, new ActiveWidgetPlugins());
    }

    [Benchmark]
    public bool Enqueue()
    {
        var accepted = _sink.TryEnqueue(CaptureItem.Store(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = 42, ProductId = ++_product, EventType = (int)InteractionType.View, Quantity = 1, CreatedOnUtc = DateTime.UtcNow
        }));
        _sink.Reader.TryRead(out _);
        return accepted;
    }

    [Benchmark]
    public async Task<bool> CaptureView()
    {
        var accepted = await _capture.CaptureAsync(_customer, 1, InteractionType.View, ++_product % 10_000 + 1);
        _sink.Reader.TryRead(out _);
        return accepted;
    }
}
