using Nop.Plugin.Misc.Personalization.Domain;

namespace Nop.Plugin.Misc.Personalization.Services.Events;

/// <summary>
/// Sorts out the head of a batch that keeps failing. Events are written in halves down to single rows; a single row,
/// or a guest-history move, that still fails while the database answers is refused by the database for what it holds.
/// While the database does not answer nothing is judged: an outage refuses nothing.
/// </summary>
internal sealed class RefusalTriage
{
    private readonly IEventStore _store;
    private Exception _refusal;

    public RefusalTriage(IEventStore store)
    {
        _store = store;
    }

    /// <summary>
    /// Removes from the batch what was written or refused; what is left waits for the next attempt.
    /// </summary>
    public async Task<TriageOutcome> RunAsync(List<CaptureItem> batch)
    {
        if (batch.Count == 0)
            return new TriageOutcome(true, 0, 0, 0, false, null);
        if (!await _store.IsReachableAsync())
            return new TriageOutcome(false, 0, 0, 0, false, null);

        if (batch[0].IsMerge)
            return await MoveAsync(batch);

        var run = batch.TakeWhile(item => !item.IsMerge).Select(item => item.Event).ToList();
        var written = new HashSet<PersonalizationEvent>(ReferenceEqualityComparer.Instance);
        var refused = new HashSet<PersonalizationEvent>(ReferenceEqualityComparer.Instance);
        var reachable = await WriteInHalvesAsync(run, written, refused);
        batch.RemoveAll(item => !item.IsMerge && (written.Contains(item.Event) || refused.Contains(item.Event)));

        return new TriageOutcome(reachable, written.Count, refused.Count, 0, false, _refusal);
    }

    private async Task<TriageOutcome> MoveAsync(List<CaptureItem> batch)
    {
        var merge = batch[0];
        try
        {
            await _store.RunAsync(merge);
            batch.RemoveAt(0);
            return new TriageOutcome(true, 0, 0, 0, true, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!await _store.IsReachableAsync())
                return new TriageOutcome(false, 0, 0, 0, false, null);

            batch.RemoveAt(0);
            return new TriageOutcome(true, 0, 0, 1, false, exception);
        }
    }

    /// <returns>False when the database stopped answering; the rows not yet tried stay undecided.</returns>
    private async Task<bool> WriteInHalvesAsync(List<PersonalizationEvent> rows,
        HashSet<PersonalizationEvent> written, HashSet<PersonalizationEvent> refused)
    {
        try
        {
            await _store.InsertAsync(rows);
            written.UnionWith(rows);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (rows.Count == 1)
            {
                if (!await _store.IsReachableAsync())
                    return false;

                refused.Add(rows[0]);
                _refusal ??= exception;
                return true;
            }

            var half = rows.Count / 2;
            return await WriteInHalvesAsync(rows.GetRange(0, half), written, refused)
                && await WriteInHalvesAsync(rows.GetRange(half, rows.Count - half), written, refused);
        }
    }
}
