using System.Collections.Concurrent;
using System.Threading.Channels;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;

namespace Nop.Plugin.Misc.Personalization.Services.Recommendations;

public sealed class CustomerHistory : ICustomerHistory
{
    public const int MAX_STORED_PER_CUSTOMER = 200;
    //worst case 20,000 x 200 interactions of ~56 bytes: about 220 MB
    public const int MAX_CUSTOMERS = 20_000;

    private readonly ConcurrentDictionary<(int StoreId, int CustomerId), Interaction[]> _stored = new();
    private readonly ConcurrentDictionary<(int StoreId, int CustomerId), byte> _requested = new();
    private readonly Channel<(int StoreId, int CustomerId)> _requests =
        Channel.CreateBounded<(int, int)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly ILiveActivity _liveActivity;

    public CustomerHistory(ILiveActivity liveActivity)
    {
        _liveActivity = liveActivity;
    }

    public IReadOnlyList<Interaction> Get(int storeId, int customerId)
    {
        if (customerId <= 0)
            return [];

        var live = _liveActivity.Recent(storeId, customerId);
        if (!_stored.TryGetValue((storeId, customerId), out var stored))
        {
            if (_requested.TryAdd((storeId, customerId), 0) && !_requests.Writer.TryWrite((storeId, customerId)))
                _requested.TryRemove((storeId, customerId), out _);
            return live;
        }

        if (live.Count == 0)
            return stored;

        //live events may already be among the stored ones once written (the database keeps less time precision)
        var merged = new List<Interaction>(stored.Length + live.Count);
        var seen = new HashSet<(int, InteractionType, long)>(stored.Select(Key));
        merged.AddRange(stored);
        merged.AddRange(live.Where(e => seen.Add(Key(e))));
        merged.Sort((a, b) => a.TimeUtc.CompareTo(b.TimeUtc));
        return merged;
    }

    private static (int, InteractionType, long) Key(Interaction e) => (e.ProductId, e.Type, e.TimeUtc.Ticks / TimeSpan.TicksPerSecond);

    public bool TryTakeLoadRequest(out (int StoreId, int CustomerId) request) => _requests.Reader.TryRead(out request);

    public async Task<bool> WaitForLoadRequestAsync(CancellationToken cancellationToken) => await _requests.Reader.WaitToReadAsync(cancellationToken);

    public void LoadFailed(int storeId, int customerId) => _requested.TryRemove((storeId, customerId), out _);

    public void Forget(int customerId)
    {
        foreach (var key in _stored.Keys.Where(key => key.CustomerId == customerId).ToList())
            _stored.TryRemove(key, out _);
        foreach (var key in _requested.Keys.Where(key => key.CustomerId == customerId).ToList())
            _requested.TryRemove(key, out _);
    }

    public void Store(int storeId, int customerId, IReadOnlyList<Interaction> stored)
    {
        if (_stored.Count >= MAX_CUSTOMERS)
        {
            //forget an arbitrary tenth; they reload on their next visit
            foreach (var key in _stored.Keys.Take(MAX_CUSTOMERS / 10).ToList())
            {
                _stored.TryRemove(key, out _);
                _requested.TryRemove(key, out _);
            }
        }

        _stored[(storeId, customerId)] = stored.TakeLast(MAX_STORED_PER_CUSTOMER).ToArray();
        _requested.TryRemove((storeId, customerId), out _);
    }
}
