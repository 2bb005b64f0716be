using System.Collections.Concurrent;
using Nop.Plugin.Misc.Personalization.Services.Models;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Products whose text or mappings changed, waiting for the background refresher to patch the index (a product edit
/// never waits for the index).
/// </summary>
public sealed class SearchIndexPatches
{
    public const int MAX_PENDING = 100_000;

    private readonly ConcurrentDictionary<int, byte> _pending = new();
    //the same one-slot wake-up as the model refresher's
    private readonly ModelRefreshSignal _signal = new();

    public int Count => _pending.Count;

    /// <summary>False when too many are pending: the next full rebuild picks the change up.</summary>
    public bool Enqueue(int productId)
    {
        if (productId <= 0 || _pending.Count >= MAX_PENDING)
            return false;
        _pending[productId] = 0;
        _signal.RequestRefresh();
        return true;
    }

    public IReadOnlyList<int> TakeAll()
    {
        var taken = new List<int>(_pending.Count);
        foreach (var productId in _pending.Keys)
        {
            if (_pending.TryRemove(productId, out _))
                taken.Add(productId);
        }

        return taken;
    }

    /// <summary>A full rebuild reads every product again: what was pending before it started is in it.</summary>
    public void Clear() => _pending.Clear();

    public Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, timeProvider, cancellationToken);
}
