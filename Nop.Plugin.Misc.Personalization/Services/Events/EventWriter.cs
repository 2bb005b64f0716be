using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Moves captured items from the sink to the database in batches, off the request path. When the database fails it
/// retries the same batch with backoff, so nothing already accepted is lost; meanwhile the bounded sink absorbs new
/// events and counts what it must drop. On shutdown it makes one last attempt and counts what could not be written.
/// </summary>
public sealed class EventWriter : BackgroundService
{
    private readonly IEventSink _sink;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventWriter> _logger;
    private readonly EventWriterOptions _options;
    private DateTimeOffset _lastFailureLog = DateTimeOffset.MinValue;

    public EventWriter(IEventSink sink, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, ILogger<EventWriter> logger)
        : this(sink, scopeFactory, timeProvider, logger, new EventWriterOptions())
    {
    }

    internal EventWriter(IEventSink sink, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, ILogger<EventWriter> logger, EventWriterOptions options)
    {
        _sink = sink;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        _options = options;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CaptureItem>(_options.MaxBatchSize);
        try
        {
            while (await _sink.Reader.WaitToReadAsync(stoppingToken))
            {
                Fill(batch);
                await WriteUntilDoneAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushOnShutdownAsync(batch);
    }

    /// <summary>
    /// A host stopping right after start may cancel the loop before it ever ran; whatever is still queued then is
    /// written here, so the shutdown flush does not depend on timing.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushOnShutdownAsync([]);
    }

    private void Fill(List<CaptureItem> batch)
    {
        while (batch.Count < _options.MaxBatchSize && _sink.Reader.TryRead(out var item))
            batch.Add(item);
    }

    private async Task WriteUntilDoneAsync(List<CaptureItem> batch, CancellationToken stoppingToken)
    {
        var delay = _options.FirstRetryDelay;
        var failures = 0;
        while (true)
        {
            try
            {
                await WriteAsync(batch);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _sink.Counters.OnFailedWrite();
                LogFailure(exception, batch.Count);
                failures++;
            }

            //a row the database refuses must not hold every later event hostage
            if (failures >= _options.IsolateAfterFailures && await IsolateRefusedRowsAsync(batch))
            {
                failures = 0;
                delay = _options.FirstRetryDelay;
                continue;
            }

            //cancellation here leaves the batch to the shutdown flush
            await Task.Delay(delay, _timeProvider, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private async Task FlushOnShutdownAsync(List<CaptureItem> batch)
    {
        Fill(batch);
        while (batch.Count > 0)
        {
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception exception)
            {
                var lost = batch.Count;
                while (_sink.Reader.TryRead(out _))
                    lost++;
                _sink.Counters.OnLostOnShutdown(lost);
                _logger.LogError(exception, "Personalization: the database is unreachable at shutdown; {Lost} captured events were not stored.", lost);
                return;
            }

            batch.Clear();
            Fill(batch);
        }
    }

    /// <summary>
    /// Runs of events are bulk-inserted; a merge waits until the events before it are stored. A batch that fails
    /// part-way is retried from the start of its unwritten part: written runs are removed from it first.
    /// </summary>
    private async Task WriteAsync(List<CaptureItem> batch)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IEventStore>();

        var run = new List<PersonalizationEvent>();
        var done = 0;
        for (var i = 0; i <= batch.Count; i++)
        {
            if (i < batch.Count && !batch[i].IsMerge)
            {
                run.Add(batch[i].Event);
                continue;
            }

            try
            {
                if (run.Count > 0)
                {
                    await store.InsertAsync(run);
                    _sink.Counters.OnWritten(run.Count);
                    run = [];
                    done = i;
                }

                if (i < batch.Count)
                {
                    await store.MoveHistoryAsync(batch[i].MergeFromCustomerId, batch[i].MergeToCustomerId);
                    done = i + 1;
                }
            }
            catch
            {
                batch.RemoveRange(0, Math.Min(done, batch.Count));
                throw;
            }
        }
    }

    /// <summary>
    /// Writes the batch's leading events in halves. When some rows go in while single rows still fail, those rows are
    /// refused by the database itself, not by an outage: they are dropped and counted. When nothing goes in, the
    /// database is unavailable and the batch waits for the next retry unchanged.
    /// </summary>
    /// <returns>Whether the batch changed.</returns>
    private async Task<bool> IsolateRefusedRowsAsync(List<CaptureItem> batch)
    {
        var run = batch.TakeWhile(item => !item.IsMerge).Select(item => item.Event).ToList();
        if (run.Count == 0)
            return false;

        var written = new HashSet<PersonalizationEvent>(ReferenceEqualityComparer.Instance);
        var refused = new HashSet<PersonalizationEvent>(ReferenceEqualityComparer.Instance);
        await using (var scope = _scopeFactory.CreateAsyncScope())
            await WriteInHalvesAsync(scope.ServiceProvider.GetRequiredService<IEventStore>(), run, written, refused);

        if (written.Count == 0)
            return false;

        batch.RemoveAll(item => !item.IsMerge && (written.Contains(item.Event) || refused.Contains(item.Event)));
        _sink.Counters.OnWritten(written.Count);
        _sink.Counters.OnRejected(refused.Count);
        if (refused.Count > 0)
            _logger.LogWarning("Personalization: the database refused {Refused} captured events; they were dropped and counted.", refused.Count);

        return true;
    }

    private static async Task WriteInHalvesAsync(IEventStore store, List<PersonalizationEvent> rows,
        HashSet<PersonalizationEvent> written, HashSet<PersonalizationEvent> refused)
    {
        try
        {
            await store.InsertAsync(rows);
            written.UnionWith(rows);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (rows.Count == 1)
            {
                refused.Add(rows[0]);
                return;
            }

            var half = rows.Count / 2;
            await WriteInHalvesAsync(store, rows.GetRange(0, half), written, refused);
            await WriteInHalvesAsync(store, rows.GetRange(half, rows.Count - half), written, refused);
        }
    }

    private void LogFailure(Exception exception, int pending)
    {
        var now = _timeProvider.GetUtcNow();
        if (now - _lastFailureLog < _options.FailureLogInterval)
            return;

        _lastFailureLog = now;
        _logger.LogWarning(exception,
            "Personalization: storing captured events failed; {Pending} are held and retried, {Buffered} wait in the buffer, {Dropped} dropped so far.",
            pending, _sink.Reader.Count, _sink.Counters.Dropped);
    }
}
