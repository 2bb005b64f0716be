using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Logging;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Moves captured items from the sink to the database in batches, off the request path. When the database fails it
/// retries the same batch with backoff, so nothing already accepted is lost; meanwhile the bounded sink absorbs new
/// events and counts what it must drop. A batch that keeps failing while the database answers holds rows the database
/// refuses: they are found, dropped and counted, and the rest is stored. On shutdown it makes one last attempt and
/// counts what could not be written.
/// </summary>
public sealed class EventWriter : PluginBackgroundService
{
    private readonly IEventSink _sink;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IShopLog _log;
    private readonly EventWriterOptions _options;
    private readonly PluginLifetime _lifetime;
    private DateTimeOffset _lastFailureLog = DateTimeOffset.MinValue;

    public EventWriter(IEventSink sink, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, IShopLog shopLog, PluginLifetime lifetime)
        : this(sink, scopeFactory, timeProvider, shopLog, new EventWriterOptions(), lifetime)
    {
    }

    internal EventWriter(IEventSink sink, IServiceScopeFactory scopeFactory, TimeProvider timeProvider, IShopLog shopLog, EventWriterOptions options,
        PluginLifetime lifetime)
        : base(lifetime)
    {
        _lifetime = lifetime;
        _sink = sink;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _log = shopLog;
        _options = options;
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CaptureItem>(_options.MaxBatchSize);
        try
        {
            while (await _sink.Reader.WaitToReadAsync(stoppingToken))
            {
                if (_options.BatchLinger > TimeSpan.Zero)
                    await Task.Delay(_options.BatchLinger, _timeProvider, stoppingToken);
                Fill(batch);
                await WriteUntilDoneAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        if (_lifetime.IsUninstalled)
            DropAfterUninstall(batch);
        else
            await FlushOnShutdownAsync(batch);
    }

    /// <summary>
    /// A host stopping right after start may cancel the loop before it ever ran; whatever is still queued then is
    /// written here, so the shutdown flush does not depend on timing.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_lifetime.IsUninstalled)
            await FlushOnShutdownAsync([]);
    }

    /// <summary>
    /// The plugin's tables are gone with the uninstall: what was still queued is counted as lost, not written.
    /// </summary>
    private void DropAfterUninstall(List<CaptureItem> batch)
    {
        var lost = batch.Count;
        while (_sink.Reader.TryRead(out _))
            lost++;
        if (lost > 0)
            _sink.Counters.OnLostOnShutdown(lost);
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
            if (failures >= _options.IsolateAfterFailures && (await TrySettleAsync(batch))?.Changed == true)
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

    /// <summary>
    /// There is no time left to retry: what the database refuses is sorted out at once, so only an unreachable
    /// database (or a failure to reach it at all) leaves events unstored, and the log says which.
    /// </summary>
    private async Task FlushOnShutdownAsync(List<CaptureItem> batch)
    {
        Fill(batch);
        while (batch.Count > 0)
        {
            Exception failure;
            try
            {
                await WriteAsync(batch);
                batch.Clear();
                Fill(batch);
                continue;
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            var outcome = await TrySettleAsync(batch);
            if (outcome?.Changed == true)
                continue;

            var lost = batch.Count;
            while (_sink.Reader.TryRead(out _))
                lost++;
            _sink.Counters.OnLostOnShutdown(lost);
            if (outcome is { Reachable: false })
                _log.Error($"the database was unreachable at shutdown; {lost} captured events were not stored ({Kind(failure)}).");
            else
                _log.Error($"storing captured events failed at shutdown; {lost} captured events were not stored ({Kind(failure)}).");
            return;
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
                    await store.RunAsync(batch[i]);
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
    /// Lets a triage sort out the batch's head, counts what it wrote and refused, and reports refusals once.
    /// </summary>
    /// <returns>Null when even the triage could not run.</returns>
    private async Task<TriageOutcome> TrySettleAsync(List<CaptureItem> batch)
    {
        TriageOutcome outcome;
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            outcome = await new RefusalTriage(scope.ServiceProvider.GetRequiredService<IEventStore>()).RunAsync(batch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.Warning($"captured events could not be sorted out after failed writes ({Kind(exception)}).");
            return null;
        }

        _sink.Counters.OnWritten(outcome.Written);
        _sink.Counters.OnRejected(outcome.RefusedEvents);
        if (outcome.RefusedEvents > 0 || outcome.RefusedMoves > 0)
            WarnRefused(outcome);

        return outcome;
    }

    /// <summary>
    /// The database answers, so the warning reaches the shop's log where the owner sees it. The exception's text is
    /// left out: databases quote the refused values in it (SQL Server does for text too long), and those may be a
    /// shopper's search terms; its type and SQL state say what kind of refusal it was.
    /// </summary>
    private void WarnRefused(TriageOutcome outcome)
    {
        var kind = Kind(outcome.Refusal);
        var message = outcome.RefusedMoves == 0
            ? $"the database refused {outcome.RefusedEvents} captured event(s) on every try ({kind}); they were dropped and are counted on the status card."
            : $"the database refused {outcome.RefusedEvents} captured event(s) and {outcome.RefusedMoves} move of a guest's history to a signed-in customer on every try ({kind}); they were dropped.";
        _log.Warning(message);
    }

    private void LogFailure(Exception exception, int pending)
    {
        var now = _timeProvider.GetUtcNow();
        if (now - _lastFailureLog < _options.FailureLogInterval)
            return;

        _lastFailureLog = now;
        _log.Warning($"storing captured events failed ({Kind(exception)}); {pending} are held and retried, {_sink.Reader.Count} wait in the buffer, {_sink.Counters.Dropped} dropped so far.");
    }

    /// <summary>
    /// What kind of failure it was, without its text: databases quote the values they refuse (a shopper's search
    /// terms), and the shop's log keeps what it is given.
    /// </summary>
    private static string Kind(Exception exception) => exception switch
    {
        null => "no error recorded",
        DbException { SqlState: { Length: > 0 } sqlState } => $"{exception.GetType().Name}, SQL state {sqlState}",
        _ => exception.GetType().Name
    };
}
