using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Nop.Plugin.Misc.Personalization.Engine.Serving;

/// <summary>
/// Signs an <see cref="AfterPageSlot"/> into the token a page hands to its after-page request, so that request can
/// only ask for placements and contexts the server rendered room for. HMAC-SHA256 over the token's bytes with a
/// purpose prefix (a click token's MAC never validates here), issue minute in clear, expiry checked on read.
/// </summary>
/// <remarks>
/// Layout, base64url: version (1 byte) · issue minute since the Unix epoch · placement · store · product · category ·
/// order (int32 each) · count of already shown products (1 byte) · their ids (int32 each) · MAC (32 bytes). Big-endian.
/// </remarks>
public sealed class AfterPageTokenCodec
{
    public const int MAX_ALREADY_SHOWN = 64;
    public const int MIN_KEY_BYTES = 16;

    private const byte VERSION = 1;
    private const int HEADER_BYTES = 1 + 6 * 4 + 1;
    private const int MAC_BYTES = 32;
    private const int MAX_TOKEN_BYTES = HEADER_BYTES + MAX_ALREADY_SHOWN * 4 + MAC_BYTES;
    private static readonly int _maxTokenChars = Base64Url.GetEncodedLength(MAX_TOKEN_BYTES);
    private static readonly byte[] _purpose = "personalization-after-page|"u8.ToArray();
    private static readonly TimeSpan _clockSkew = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;

    public AfterPageTokenCodec(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MIN_KEY_BYTES)
            throw new ArgumentException($"The key must have at least {MIN_KEY_BYTES} bytes.", nameof(key));

        _key = key.ToArray();
    }

    /// <remarks>Only the first <see cref="MAX_ALREADY_SHOWN"/> already shown products are kept; ids ≤ 0 are dropped.</remarks>
    public string Issue(AfterPageSlot slot, DateTime issuedUtc)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.PlacementId <= 0 || slot.StoreId < 0 || slot.ProductId < 0 || slot.CategoryId < 0 || slot.OrderId < 0)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "Ids must not be negative and the placement must be positive.");

        var shown = (slot.AlreadyShown ?? []).Where(id => id > 0).Take(MAX_ALREADY_SHOWN).ToList();
        var token = new byte[HEADER_BYTES + shown.Count * 4 + MAC_BYTES];
        token[0] = VERSION;
        var values = new[] { ToUnixMinute(issuedUtc), slot.PlacementId, slot.StoreId, slot.ProductId, slot.CategoryId, slot.OrderId };
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(1 + i * 4), values[i]);
        token[HEADER_BYTES - 1] = (byte)shown.Count;
        for (var i = 0; i < shown.Count; i++)
            BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(HEADER_BYTES + i * 4), shown[i]);

        Sign(token.AsSpan(0, token.Length - MAC_BYTES), token.AsSpan(token.Length - MAC_BYTES));

        return Base64Url.EncodeToString(token);
    }

    /// <returns>The slot, or null when the token is malformed, not signed with this key, or older than the lifetime.</returns>
    public AfterPageSlot Read(string token, DateTime nowUtc, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _maxTokenChars)
            return null;
        if (!Base64Url.IsValid(token, out var length) || length < HEADER_BYTES + MAC_BYTES || length > MAX_TOKEN_BYTES)
            return null;

        var bytes = new byte[length];
        Base64Url.DecodeFromChars(token, bytes);
        var count = bytes[HEADER_BYTES - 1];
        if (bytes[0] != VERSION || count > MAX_ALREADY_SHOWN || length != HEADER_BYTES + count * 4 + MAC_BYTES)
            return null;

        Span<byte> expected = stackalloc byte[MAC_BYTES];
        Sign(bytes.AsSpan(0, length - MAC_BYTES), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(length - MAC_BYTES, MAC_BYTES)))
            return null;

        int Value(int index) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1 + index * 4));
        var issuedUtc = DateTime.UnixEpoch.AddMinutes(Value(0));
        if (issuedUtc > nowUtc + _clockSkew || nowUtc - issuedUtc > lifetime)
            return null;

        var shown = new int[count];
        for (var i = 0; i < count; i++)
            shown[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(HEADER_BYTES + i * 4));

        return new AfterPageSlot(Value(1), Value(2), Value(3), Value(4), Value(5), shown);
    }

    private void Sign(ReadOnlySpan<byte> content, Span<byte> mac)
    {
        var signed = new byte[_purpose.Length + content.Length];
        _purpose.CopyTo(signed, 0);
        content.CopyTo(signed.AsSpan(_purpose.Length));
        HMACSHA256.HashData(_key, signed, mac);
    }

    private static int ToUnixMinute(DateTime utc) => (int)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes);
}
