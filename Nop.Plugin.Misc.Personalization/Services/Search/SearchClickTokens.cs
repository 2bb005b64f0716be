using Nop.Plugin.Misc.Personalization.Engine.Search;
using Nop.Plugin.Misc.Personalization.Services.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// Issues and checks search click tokens with the installation's tracking key and the current time, for as long as a
/// widget's click token lives. Without a usable key nothing is issued and nothing validates.
/// </summary>
public sealed class SearchClickTokens
{
    private readonly PersonalizationSettings _settings;
    private readonly TimeProvider _timeProvider;

    public SearchClickTokens(PersonalizationSettings settings, TimeProvider timeProvider)
    {
        _settings = settings;
        _timeProvider = timeProvider;
    }

    /// <returns>The token, or null without a usable key or a query to sign.</returns>
    public string Issue(string query, Guid customerGuid)
    {
        var codec = Codec();
        if (codec == null || string.IsNullOrEmpty(query))
            return null;

        return codec.Issue(query, customerGuid, _timeProvider.GetUtcNow().UtcDateTime);
    }

    public (SearchClickTokenCheck Check, string Query) Check(string token, Guid customerGuid)
    {
        var codec = Codec();
        if (codec == null)
            return (SearchClickTokenCheck.BadSignature, null);

        return codec.Check(token, customerGuid, _timeProvider.GetUtcNow().UtcDateTime, MeasurementDefaults.TokenLifetime);
    }

    private SearchClickTokenCodec Codec()
    {
        var key = TrackingKeyBytes.Read(_settings.TrackingKey, SearchClickTokenCodec.MIN_KEY_BYTES);
        return key == null ? null : new SearchClickTokenCodec(key);
    }
}
