using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

/// <summary>
/// A short digest of a cart's state: the set of (product, attributes, quantity) lines, whatever their order. Two carts
/// with the same lines have the same fingerprint; any added, removed or changed line gives another one.
/// </summary>
public static class CartFingerprint
{
    public const int BYTES = 8;

    /// <summary>Hex characters of a fingerprint as it is stored.</summary>
    public const int LENGTH = BYTES * 2;

    public static string Of(IEnumerable<CartLine> lines) => Convert.ToHexStringLower(BytesOf(lines));

    public static byte[] BytesOf(IEnumerable<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);

        //one line per product and attributes: nopCommerce keeps them so, and a duplicate would still mean the same cart
        var canonical = lines
            .Where(line => line.Quantity > 0)
            .GroupBy(line => (line.ProductId, Attributes: line.Attributes ?? string.Empty))
            .Select(group => (group.Key.ProductId, group.Key.Attributes, Quantity: group.Sum(line => line.Quantity)))
            .OrderBy(line => line.ProductId)
            .ThenBy(line => line.Attributes, StringComparer.Ordinal)
            .ThenBy(line => line.Quantity);

        var text = new StringBuilder("cart-v1");
        foreach (var (productId, attributes, quantity) in canonical)
        {
            //the attribute text is length-prefixed, so no attribute value can pass for a line boundary
            text.Append('\n').Append(productId.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(quantity.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(attributes.Length.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(attributes);
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..BYTES];
    }

    /// <returns>The bytes of a stored fingerprint; null when it is not one.</returns>
    public static byte[] Parse(string fingerprint)
    {
        if (fingerprint is not { Length: LENGTH })
            return null;

        try
        {
            return Convert.FromHexString(fingerprint);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Format(ReadOnlySpan<byte> bytes) => bytes.Length == BYTES ? Convert.ToHexStringLower(bytes) : null;
}
