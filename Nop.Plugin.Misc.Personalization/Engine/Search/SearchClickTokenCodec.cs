using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Search;

/// <summary>
/// Signs, when the search page renders, the words one customer searched, so a click beacon on a result can be stored
/// with its query without trusting the browser: HMAC-SHA256(key, "search-click" | issue minute | customer GUID | query).
/// The query and the minute travel in clear; the customer GUID never does (the server supplies the request's own), so
/// a token copied to another browser does not validate. The "search-click" prefix keeps a widget's click token from
/// passing for this one.
/// </summary>
/// <remarks>
/// Layout, base64url: version (1 byte) · issue minute since the Unix epoch (int32) · query length in UTF-8 bytes
/// (uint16) · query · MAC (32 bytes). Integers are big-endian.
/// </remarks>
public sealed class SearchClickTokenCodec
{
    public const int MIN_KEY_BYTES = 16;
    public const int MAX_QUERY_BYTES = 1024;

    private const byte VERSION = 1;
    private const int HEADER_BYTES = 1 + 4 + 2;
    private const int MAC_BYTES = 32;
    private const int MAX_TOKEN_BYTES = HEADER_BYTES + MAX_QUERY_BYTES + MAC_BYTES;
    private static readonly int _maxTokenChars = Base64Url.GetEncodedLength(MAX_TOKEN_BYTES);

    //a node whose clock runs a little behind the one that rendered must still accept the token
    private static readonly TimeSpan _clockSkew = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;

    public SearchClickTokenCodec(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MIN_KEY_BYTES)
            throw new ArgumentException($"The key must have at least {MIN_KEY_BYTES} bytes.", nameof(key));

        _key = key.ToArray();
    }

    /// <param name="query">The words as stored with the search event: not empty, at most <see cref="MAX_QUERY_BYTES"/> in UTF-8.</param>
    public string Issue(string query, Guid customerGuid, DateTime issuedUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        var text = Encoding.UTF8.GetBytes(query);
        if (text.Length > MAX_QUERY_BYTES)
            throw new ArgumentOutOfRangeException(nameof(query), text.Length, $"At most {MAX_QUERY_BYTES} UTF-8 bytes.");

        var minute = (int)Math.Floor((issuedUtc - DateTime.UnixEpoch).TotalMinutes);
        var token = new byte[HEADER_BYTES + text.Length + MAC_BYTES];
        token[0] = VERSION;
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(1), minute);
        BinaryPrimitives.WriteUInt16BigEndian(token.AsSpan(5), (ushort)text.Length);
        text.CopyTo(token, HEADER_BYTES);
        Sign(minute, customerGuid, text, token.AsSpan(token.Length - MAC_BYTES));

        return Base64Url.EncodeToString(token);
    }

    /// <returns>The verdict and, when valid, the query the token was issued for (otherwise null).</returns>
    public (SearchClickTokenCheck Check, string Query) Check(string token, Guid customerGuid, DateTime nowUtc, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _maxTokenChars)
            return (SearchClickTokenCheck.Malformed, null);

        //TryDecodeFromChars throws on characters outside the alphabet; IsValid does not
        if (!Base64Url.IsValid(token, out var length) || length < HEADER_BYTES + 1 + MAC_BYTES || length > MAX_TOKEN_BYTES)
            return (SearchClickTokenCheck.Malformed, null);

        var bytes = new byte[length];
        Base64Url.DecodeFromChars(token, bytes);
        var textLength = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(5));
        if (bytes[0] != VERSION || textLength == 0 || length != HEADER_BYTES + textLength + MAC_BYTES)
            return (SearchClickTokenCheck.Malformed, null);

        var minute = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1));
        var text = bytes.AsSpan(HEADER_BYTES, textLength);
        Span<byte> expected = stackalloc byte[MAC_BYTES];
        Sign(minute, customerGuid, text, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(length - MAC_BYTES, MAC_BYTES)))
            return (SearchClickTokenCheck.BadSignature, null);

        var issuedUtc = DateTime.UnixEpoch.AddMinutes(minute);
        if (issuedUtc > nowUtc + _clockSkew || nowUtc - issuedUtc > lifetime)
            return (SearchClickTokenCheck.Expired, null);

        return (SearchClickTokenCheck.Valid, Encoding.UTF8.GetString(text));
    }

    private void Sign(int minute, Guid customerGuid, ReadOnlySpan<byte> query, Span<byte> mac)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Join('|', "search-click", minute.ToString(CultureInfo.InvariantCulture), customerGuid.ToString("D"), string.Empty));
        var message = new byte[prefix.Length + query.Length];
        prefix.CopyTo(message, 0);
        query.CopyTo(message.AsSpan(prefix.Length));
        HMACSHA256.HashData(_key, message, mac);
    }
}
