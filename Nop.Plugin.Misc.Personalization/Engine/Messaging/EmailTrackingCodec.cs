using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Signs the open pixel and the click links of the plugin's e-mails: HMAC-SHA256 over the e-mail kind, the e-mail id,
/// the recipient, the store and the target (open, cart, or one product). The click endpoint believes nothing else:
/// the redirect target is rebuilt from the signed product id, never taken from the request.
/// </summary>
/// <remarks>
/// Layout, base64url: version · kind · target (1 byte each) · e-mail id · customer id · store id · target id (int32 each,
/// big-endian) · MAC (32 bytes). The key is derived from the tracking key with a label of its own, so neither a widget
/// click token nor a one-click opt-out link can pass as a tracking token. Tokens do not expire: an old e-mail's links
/// keep leading to the product.
/// </remarks>
public sealed class EmailTrackingCodec
{
    public const int MIN_KEY_BYTES = 16;

    private const byte VERSION = 1;
    private const int PAYLOAD_BYTES = 3 + 4 * 4;
    private const int MAC_BYTES = 32;
    private const int TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;
    private static readonly int _tokenChars = Base64Url.GetEncodedLength(TOKEN_BYTES);
    private static readonly byte[] _keyLabel = Encoding.UTF8.GetBytes("Personalization.EmailTracking.v1");

    private readonly byte[] _key;

    public EmailTrackingCodec(byte[] trackingKey)
    {
        ArgumentNullException.ThrowIfNull(trackingKey);
        if (trackingKey.Length < MIN_KEY_BYTES)
            throw new ArgumentException($"The key must have at least {MIN_KEY_BYTES} bytes.", nameof(trackingKey));

        _key = HMACSHA256.HashData(trackingKey, _keyLabel);
    }

    public string Issue(EmailTrackingSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!Enum.IsDefined(subject.Kind))
            throw new ArgumentOutOfRangeException(nameof(subject), subject.Kind, "Unknown e-mail kind.");
        if (!Enum.IsDefined(subject.Target))
            throw new ArgumentOutOfRangeException(nameof(subject), subject.Target, "Unknown target.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subject.EmailId);
        ArgumentOutOfRangeException.ThrowIfNegative(subject.CustomerId);
        ArgumentOutOfRangeException.ThrowIfNegative(subject.StoreId);
        if ((subject.Target == EmailTarget.Product) != (subject.TargetId > 0) || subject.TargetId < 0)
            throw new ArgumentOutOfRangeException(nameof(subject), subject.TargetId, "A product link needs a product id; other targets none.");

        var token = new byte[TOKEN_BYTES];
        Write(subject, token);
        Sign(token.AsSpan(0, PAYLOAD_BYTES), token.AsSpan(PAYLOAD_BYTES));

        return Base64Url.EncodeToString(token);
    }

    /// <returns>What the token was issued for when it is genuine and well-formed; null otherwise.</returns>
    public EmailTrackingSubject Check(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != _tokenChars)
            return null;
        //DecodeFromChars throws on characters outside the alphabet; IsValid does not
        if (!Base64Url.IsValid(token, out var length) || length != TOKEN_BYTES)
            return null;

        var bytes = new byte[TOKEN_BYTES];
        Base64Url.DecodeFromChars(token, bytes);
        if (bytes[0] != VERSION)
            return null;

        Span<byte> expected = stackalloc byte[MAC_BYTES];
        Sign(bytes.AsSpan(0, PAYLOAD_BYTES), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PAYLOAD_BYTES)))
            return null;

        var subject = new EmailTrackingSubject((EmailKind)bytes[1],
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(3)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(7)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(11)),
            (EmailTarget)bytes[2],
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(15)));

        //a genuine token is always well-formed; this only guards against a key shared with a future layout
        var wellFormed = Enum.IsDefined(subject.Kind) && Enum.IsDefined(subject.Target) && subject.EmailId > 0 && subject.CustomerId >= 0
            && subject.StoreId >= 0 && (subject.Target == EmailTarget.Product) == (subject.TargetId > 0) && subject.TargetId >= 0;
        return wellFormed ? subject : null;
    }

    /// <summary>
    /// The store a token claims, before any check: which store's key to check it with. Never act on it unchecked.
    /// </summary>
    public static int? ClaimedStoreId(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != _tokenChars || !Base64Url.IsValid(token, out var length) || length != TOKEN_BYTES)
            return null;

        var bytes = new byte[TOKEN_BYTES];
        Base64Url.DecodeFromChars(token, bytes);
        return BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(11));
    }

    private static void Write(EmailTrackingSubject subject, Span<byte> token)
    {
        token[0] = VERSION;
        token[1] = (byte)subject.Kind;
        token[2] = (byte)subject.Target;
        BinaryPrimitives.WriteInt32BigEndian(token[3..], subject.EmailId);
        BinaryPrimitives.WriteInt32BigEndian(token[7..], subject.CustomerId);
        BinaryPrimitives.WriteInt32BigEndian(token[11..], subject.StoreId);
        BinaryPrimitives.WriteInt32BigEndian(token[15..], subject.TargetId);
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        HMACSHA256.HashData(_key, payload, mac);
    }
}
