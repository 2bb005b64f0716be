using Nop.Plugin.Misc.Personalization.Engine.Serving;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.AfterPage;

/// <summary>
/// Issues and reads the tokens of placements loaded after the page, with the installation's tracking key and the
/// current time. Without a usable key nothing is issued (the placement then renders with the page) and nothing reads.
/// </summary>
public sealed class AfterPageTokens
{
    /// <summary>
    /// The after-page request follows the page at once; an hour covers a page restored from the browser's cache.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly PersonalizationSettings _settings;
    private readonly TimeProvider _timeProvider;

    public AfterPageTokens(PersonalizationSettings settings, TimeProvider timeProvider)
    {
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <returns>The token, or null without a usable key.</returns>
    public string Issue(AfterPageSlot slot) => Codec()?.Issue(slot, _timeProvider.GetUtcNow().UtcDateTime);

    /// <returns>The slot, or null for a token that is malformed, forged or expired.</returns>
    public AfterPageSlot Read(string token) => Codec()?.Read(token, _timeProvider.GetUtcNow().UtcDateTime, Lifetime);

    private AfterPageTokenCodec Codec()
    {
        var key = TrackingKeyBytes.Read(_settings.TrackingKey, AfterPageTokenCodec.MIN_KEY_BYTES);
        return key == null ? null : new AfterPageTokenCodec(key);
    }
}
