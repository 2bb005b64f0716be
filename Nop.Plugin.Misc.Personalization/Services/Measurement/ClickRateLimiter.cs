namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Token bucket per customer for click beacons: a burst of <c>perMinute</c> clicks, refilled continuously at that rate.
/// Memory is bounded: idle customers (whose bucket has refilled) are forgotten when the table is full, and while it is
/// still full of active customers new ones are refused rather than remembered.
/// </summary>
public sealed class ClickRateLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Bucket> _buckets = new();
    private readonly int _capacity;
    private readonly double _perMinute;
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public ClickRateLimiter(TimeProvider timeProvider)
        : this(timeProvider, MeasurementDefaults.ClicksPerMinute, MeasurementDefaults.RateLimiterCapacity)
    {
    }

    internal ClickRateLimiter(TimeProvider timeProvider, int perMinute, int capacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        _timeProvider = timeProvider;
        _perMinute = perMinute;
        _capacity = capacity;
    }

    public int Tracked
    {
        get
        {
            lock (_lock)
                return _buckets.Count;
        }
    }

    /// <returns>Whether the customer may send one more click now.</returns>
    public bool TryAcquire(int customerId)
    {
        var now = _timeProvider.GetUtcNow();

        lock (_lock)
        {
            if (!_buckets.TryGetValue(customerId, out var bucket))
            {
                if (_buckets.Count >= _capacity && !PruneIdle(now))
                    return false;

                bucket = new Bucket { Tokens = _perMinute, UpdatedAt = now };
                _buckets[customerId] = bucket;
            }

            bucket.Tokens = Refilled(bucket, now);
            bucket.UpdatedAt = now;
            if (bucket.Tokens < 1d)
                return false;

            bucket.Tokens -= 1d;
            return true;
        }
    }

    private double Refilled(Bucket bucket, DateTimeOffset now)
    {
        var minutes = Math.Max(0d, (now - bucket.UpdatedAt).TotalMinutes);
        return Math.Min(_perMinute, bucket.Tokens + minutes * _perMinute);
    }

    /// <returns>Whether room was made.</returns>
    private bool PruneIdle(DateTimeOffset now)
    {
        //a full table of active customers would otherwise be scanned on every new customer's click
        if (now - _lastPrune < TimeSpan.FromSeconds(1))
            return false;

        _lastPrune = now;
        foreach (var (customerId, bucket) in _buckets)
        {
            if (Refilled(bucket, now) >= _perMinute)
                _buckets.Remove(customerId);
        }

        return _buckets.Count < _capacity;
    }

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset UpdatedAt;
    }
}
