using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Signs, at render time, which products one placement showed to one customer, so a click beacon can be believed
/// without trusting anything the browser says: the token is HMAC-SHA256(key, placement | product ids | customer GUID |
/// issue minute) and carries the product ids and the minute in clear. The customer GUID is never in the token; the
/// server supplies it from the request's own customer, so a token copied to another browser does not validate.
/// </summary>
/// <remarks>
/// Layout, base64url: version (1 byte) · issue minute since the Unix epoch (int32) · product count (1 byte) ·
/// product ids (int32 each) · MAC (32 bytes). Integers are big-endian.
/// </remarks>
public sealed class ClickTokenCodec
{
    public const int MAX_PRODUCTS = 64;
    public const int MIN_KEY_BYTES = 16;

    private const byte VERSION = 1;
    private const int HEADER_BYTES = 1 + 4 + 1;
    private const int MAC_BYTES = 32;
    private const int MAX_TOKEN_BYTES = HEADER_BYTES + MAX_PRODUCTS * 4 + MAC_BYTES;
    private static readonly int _maxTokenChars = Base64Url.GetEncodedLength(MAX_TOKEN_BYTES);

    //a node whose clock runs a little behind the one that rendered must still accept the token
    private static readonly TimeSpan _clockSkew = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;

    public ClickTokenCodec(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MIN_KEY_BYTES)
            throw new ArgumentException($"The key must have at least {MIN_KEY_BYTES} bytes.", nameof(key));

        _key = key.ToArray();
    }

    /// <param name="productIds">The products the placement rendered, at most <see cref="MAX_PRODUCTS"/>, all positive.</param>
    public string Issue(int placementId, IReadOnlyList<int> productIds, Guid customerGuid, DateTime issuedUtc)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count is 0 or > MAX_PRODUCTS)
            throw new ArgumentOutOfRangeException(nameof(productIds), productIds.Count, $"Between 1 and {MAX_PRODUCTS} products.");
        if (productIds.Any(id => id <= 0))
            throw new ArgumentOutOfRangeException(nameof(productIds), "Product ids must be positive.");

        var minute = ToUnixMinute(issuedUtc);
        var token = new byte[HEADER_BYTES + productIds.Count * 4 + MAC_BYTES];
        token[0] = VERSION;
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(1), minute);
        token[5] = (byte)productIds.Count;
        for (var i = 0; i < productIds.Count; i++)
            BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(HEADER_BYTES + i * 4), productIds[i]);

        Sign(placementId, productIds, customerGuid, minute, token.AsSpan(token.Length - MAC_BYTES));

        return Base64Url.EncodeToString(token);
    }

    public ClickTokenCheck Check(string token, int placementId, int productId, Guid customerGuid, DateTime nowUtc, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _maxTokenChars)
            return ClickTokenCheck.Malformed;

        //TryDecodeFromChars throws on characters outside the alphabet; IsValid does not
        if (!Base64Url.IsValid(token, out var length) || length < HEADER_BYTES + 4 + MAC_BYTES || length > MAX_TOKEN_BYTES)
            return ClickTokenCheck.Malformed;

        var bytes = new byte[length];
        Base64Url.DecodeFromChars(token, bytes);
        if (bytes[0] != VERSION)
            return ClickTokenCheck.Malformed;

        var count = bytes[5];
        if (count is 0 or > MAX_PRODUCTS || length != HEADER_BYTES + count * 4 + MAC_BYTES)
            return ClickTokenCheck.Malformed;

        var minute = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1));
        var productIds = new int[count];
        for (var i = 0; i < count; i++)
            productIds[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(HEADER_BYTES + i * 4));

        Span<byte> expected = stackalloc byte[MAC_BYTES];
        Sign(placementId, productIds, customerGuid, minute, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(length - MAC_BYTES, MAC_BYTES)))
            return ClickTokenCheck.BadSignature;

        var issuedUtc = DateTime.UnixEpoch.AddMinutes(minute);
        if (issuedUtc > nowUtc + _clockSkew || nowUtc - issuedUtc > lifetime)
            return ClickTokenCheck.Expired;

        return Array.IndexOf(productIds, productId) >= 0 ? ClickTokenCheck.Valid : ClickTokenCheck.ProductNotShown;
    }

    private void Sign(int placementId, IReadOnlyList<int> productIds, Guid customerGuid, int minute, Span<byte> mac)
    {
        var text = string.Join('|',
            placementId.ToString(CultureInfo.InvariantCulture),
            string.Join(',', productIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            customerGuid.ToString("D"),
            minute.ToString(CultureInfo.InvariantCulture));

        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text), mac);
    }

    private static int ToUnixMinute(DateTime utc)
    {
        return (int)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes);
    }
}
