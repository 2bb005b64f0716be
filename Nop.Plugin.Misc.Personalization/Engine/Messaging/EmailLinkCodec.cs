using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Messaging;

/// <summary>
/// Signs the customer, store and purpose of a one-click e-mail link, so the link works without a login and the id in it
/// is believed only with a valid MAC. The MAC key is derived from the tracking key with a label of its own, so a click
/// token (signed with the tracking key itself) can never pass as an e-mail link, and one purpose's link never as another's.
/// </summary>
/// <remarks>
/// Layout, base64url: version (1 byte) · purpose (1 byte) · customer id (int32) · store id (int32) · MAC (32 bytes),
/// big-endian. Version 2 adds a state (8 bytes, e.g. a cart's fingerprint) before the MAC and signs it too; version 1
/// tokens in old e-mails stay valid. The links do not expire: an unsubscribe link must keep working in an old e-mail.
/// </remarks>
public sealed class EmailLinkCodec
{
    public const int MIN_KEY_BYTES = 16;

    public const int STATE_BYTES = 8;

    private const byte VERSION = 1;
    private const byte VERSION_WITH_STATE = 2;
    private const int PAYLOAD_BYTES = 1 + 1 + 4 + 4;
    private const int MAC_BYTES = 32;
    private const int TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;
    private const int STATE_TOKEN_BYTES = PAYLOAD_BYTES + STATE_BYTES + MAC_BYTES;
    private static readonly int _tokenChars = Base64Url.GetEncodedLength(TOKEN_BYTES);
    private static readonly int _stateTokenChars = Base64Url.GetEncodedLength(STATE_TOKEN_BYTES);
    private static readonly byte[] _keyLabel = Encoding.UTF8.GetBytes("Personalization.EmailLink.v1");

    private readonly byte[] _key;

    public EmailLinkCodec(byte[] trackingKey)
    {
        ArgumentNullException.ThrowIfNull(trackingKey);
        if (trackingKey.Length < MIN_KEY_BYTES)
            throw new ArgumentException($"The key must have at least {MIN_KEY_BYTES} bytes.", nameof(trackingKey));

        _key = HMACSHA256.HashData(trackingKey, _keyLabel);
    }

    public string Issue(EmailLinkPurpose purpose, int customerId, int storeId)
    {
        if (!Enum.IsDefined(purpose))
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customerId);
        ArgumentOutOfRangeException.ThrowIfNegative(storeId);

        var token = new byte[TOKEN_BYTES];
        token[0] = VERSION;
        token[1] = (byte)purpose;
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(2), customerId);
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(6), storeId);
        Sign(purpose, customerId, storeId, token.AsSpan(PAYLOAD_BYTES));

        return Base64Url.EncodeToString(token);
    }

    /// <summary>
    /// A version 2 token: the link also vouches for <paramref name="state"/> (exactly <see cref="STATE_BYTES"/> bytes).
    /// </summary>
    public string Issue(EmailLinkPurpose purpose, int customerId, int storeId, ReadOnlySpan<byte> state)
    {
        if (!Enum.IsDefined(purpose))
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customerId);
        ArgumentOutOfRangeException.ThrowIfNegative(storeId);
        if (state.Length != STATE_BYTES)
            throw new ArgumentException($"The state must have {STATE_BYTES} bytes.", nameof(state));

        var token = new byte[STATE_TOKEN_BYTES];
        token[0] = VERSION_WITH_STATE;
        token[1] = (byte)purpose;
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(2), customerId);
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(6), storeId);
        state.CopyTo(token.AsSpan(PAYLOAD_BYTES));
        Sign(purpose, customerId, storeId, state, token.AsSpan(PAYLOAD_BYTES + STATE_BYTES));

        return Base64Url.EncodeToString(token);
    }

    /// <returns>
    /// The signed customer and store (and state, for a version 2 token) when the token is genuine and made for
    /// <paramref name="purpose"/>; null otherwise.
    /// </returns>
    public EmailLinkSubject Check(string token, EmailLinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || (token.Length != _tokenChars && token.Length != _stateTokenChars))
            return null;
        //DecodeFromChars throws on characters outside the alphabet; IsValid does not
        if (!Base64Url.IsValid(token, out var length) || (length != TOKEN_BYTES && length != STATE_TOKEN_BYTES))
            return null;

        var bytes = new byte[length];
        Base64Url.DecodeFromChars(token, bytes);
        var withState = length == STATE_TOKEN_BYTES;
        if (bytes[0] != (withState ? VERSION_WITH_STATE : VERSION) || bytes[1] != (byte)purpose)
            return null;

        var customerId = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(2));
        var storeId = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(6));
        var state = withState ? bytes.AsSpan(PAYLOAD_BYTES, STATE_BYTES) : [];

        Span<byte> expected = stackalloc byte[MAC_BYTES];
        if (withState)
            Sign(purpose, customerId, storeId, state, expected);
        else
            Sign(purpose, customerId, storeId, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(length - MAC_BYTES)))
            return null;

        return customerId > 0 && storeId >= 0 ? new EmailLinkSubject(customerId, storeId) { State = withState ? state.ToArray() : null } : null;
    }

    private void Sign(EmailLinkPurpose purpose, int customerId, int storeId, Span<byte> mac)
    {
        var text = string.Join('|',
            "email-link",
            ((int)purpose).ToString(CultureInfo.InvariantCulture),
            customerId.ToString(CultureInfo.InvariantCulture),
            storeId.ToString(CultureInfo.InvariantCulture));

        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text), mac);
    }

    private void Sign(EmailLinkPurpose purpose, int customerId, int storeId, ReadOnlySpan<byte> state, Span<byte> mac)
    {
        var text = string.Join('|',
            "email-link-state",
            ((int)purpose).ToString(CultureInfo.InvariantCulture),
            customerId.ToString(CultureInfo.InvariantCulture),
            storeId.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(state));

        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text), mac);
    }
}
