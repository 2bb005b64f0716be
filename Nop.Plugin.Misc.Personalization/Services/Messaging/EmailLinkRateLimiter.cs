using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Messaging;

/// <summary>
/// Bounds how often one visitor may open or confirm e-mail links, as the click endpoint does, so guessing tokens is slow.
/// </summary>
public sealed class EmailLinkRateLimiter
{
    private readonly ClickRateLimiter _limiter;

    public EmailLinkRateLimiter(TimeProvider timeProvider)
    {
        _limiter = new ClickRateLimiter(timeProvider, EmailLinks.RequestsPerMinute, MeasurementDefaults.RateLimiterCapacity);
    }

    public bool TryAcquire(int customerId) => _limiter.TryAcquire(customerId);
}
