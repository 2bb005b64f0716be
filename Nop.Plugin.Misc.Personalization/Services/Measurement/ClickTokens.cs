using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// Issues and checks click tokens with the installation's tracking key and the current time.
/// Without a usable key (missing, not base64, too short) nothing is issued and nothing validates.
/// </summary>
public sealed class ClickTokens
{
    private readonly PersonalizationSettings _settings;
    private readonly TimeProvider _timeProvider;

    public ClickTokens(PersonalizationSettings settings, TimeProvider timeProvider)
    {
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <returns>The token, or null when there is no usable key or nothing to sign.</returns>
    public string Issue(int placementId, IReadOnlyList<int> productIds, Guid customerGuid)
    {
        var codec = Codec();
        if (codec == null || productIds == null || productIds.Count == 0 || productIds.Any(id => id <= 0))
            return null;

        var signed = productIds.Count > ClickTokenCodec.MAX_PRODUCTS ? productIds.Take(ClickTokenCodec.MAX_PRODUCTS).ToList() : productIds;

        return codec.Issue(placementId, signed, customerGuid, _timeProvider.GetUtcNow().UtcDateTime);
    }

    public ClickTokenCheck Check(string token, int placementId, int productId, Guid customerGuid)
    {
        var codec = Codec();
        if (codec == null)
            return ClickTokenCheck.BadSignature;

        return codec.Check(token, placementId, productId, customerGuid, _timeProvider.GetUtcNow().UtcDateTime, MeasurementDefaults.TokenLifetime);
    }

    private ClickTokenCodec Codec()
    {
        var key = TrackingKeyBytes.Read(_settings.TrackingKey, ClickTokenCodec.MIN_KEY_BYTES);
        return key == null ? null : new ClickTokenCodec(key);
    }
}
