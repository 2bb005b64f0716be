using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Bounds how often one address may hit the open pixel and click links. Keyed by the connection's address, not the
/// visitor: a mail client or link scanner fetches without cookies, so each request would be a new guest.
/// </summary>
public sealed class EmailTrackingRateLimiter
{
    private readonly ClickRateLimiter _limiter;

    public EmailTrackingRateLimiter(TimeProvider timeProvider)
    {
        _limiter = new ClickRateLimiter(timeProvider, EmailTrackingDefaults.RequestsPerMinute, MeasurementDefaults.RateLimiterCapacity);
    }

    public bool TryAcquire(int addressKey) => _limiter.TryAcquire(addressKey);
}
