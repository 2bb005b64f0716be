namespace Nop.Plugin.Misc.Personalization.Services.Measurement;

/// <summary>
/// The installation's tracking key (a setting, base64) as the bytes every signer uses: click tokens, after-page slots,
/// e-mail links.
/// </summary>
public static class TrackingKeyBytes
{
    /// <returns>The key, or null when it is missing, not base64 or shorter than <paramref name="minBytes"/>.</returns>
    public static byte[] Read(string trackingKey, int minBytes)
    {
        if (string.IsNullOrEmpty(trackingKey))
            return null;

        var key = new byte[trackingKey.Length];
        if (!Convert.TryFromBase64String(trackingKey, key, out var length) || length < minBytes)
            return null;

        return key[..length];
    }
}
