using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.AfterPage;

/// <summary>
/// How many after-page requests one customer may send: one per page view is normal, so a minute's burst of
/// <see cref="PerMinute"/> is far above a shopper's pace and far below a script's.
/// </summary>
public sealed class AfterPageRateLimiter
{
    public const int PerMinute = 60;

    private readonly ClickRateLimiter _buckets;

    public AfterPageRateLimiter(TimeProvider timeProvider)
    {
        _buckets = new ClickRateLimiter(timeProvider, PerMinute, MeasurementDefaults.RateLimiterCapacity);
    }

    public bool TryAcquire(int customerId) => _buckets.TryAcquire(customerId);
}
