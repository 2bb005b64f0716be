using System.Globalization;

namespace Nop.Plugin.Misc.Personalization.Engine.Profiles;

/// <summary>
/// Store-relative price bands: band 1 holds the cheapest products of the catalog, band N the dearest, with roughly
/// equal numbers of products per band (quantile cut points), so "p5" means "premium for this shop" in any currency.
/// </summary>
public sealed class PriceBands
{
    private readonly decimal[] _upperBounds;
    private readonly bool _hasPrices;

    private PriceBands(decimal[] upperBounds, bool hasPrices)
    {
        _upperBounds = upperBounds;
        _hasPrices = hasPrices;
    }

    /// <summary>
    /// Number of bands; 0 when the catalog had no priced product (every price is then band 0).
    /// </summary>
    public int Count => _hasPrices ? _upperBounds.Length + 1 : 0;

    /// <summary>
    /// Cut points: a price at or below bound i (0-based) and above bound i-1 is in band i+1.
    /// </summary>
    public IReadOnlyList<decimal> UpperBounds => _upperBounds;

    /// <param name="prices">Catalog prices; zero and negative prices are ignored.</param>
    /// <param name="bandCount">Wanted number of bands (at least 2); fewer result when prices repeat.</param>
    public static PriceBands FromPrices(IEnumerable<decimal> prices, int bandCount)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandCount, 2);

        var sorted = prices.Where(price => price > 0m).OrderBy(price => price).ToArray();
        if (sorted.Length == 0)
            return new PriceBands(Array.Empty<decimal>(), false);

        var bounds = new List<decimal>();
        for (var band = 1; band < bandCount; band++)
        {
            var index = (int)Math.Ceiling((double)band * sorted.Length / bandCount) - 1;
            var bound = sorted[Math.Clamp(index, 0, sorted.Length - 1)];
            if (bound < sorted[^1] && (bounds.Count == 0 || bound > bounds[^1]))
                bounds.Add(bound);
        }

        return new PriceBands(bounds.ToArray(), true);
    }

    /// <summary>
    /// The band (1..Count) of a price; 0 for a non-positive price or an empty catalog.
    /// </summary>
    public int BandOf(decimal price)
    {
        if (price <= 0m || !_hasPrices)
            return 0;

        var index = Array.BinarySearch(_upperBounds, price);
        if (index < 0)
            index = ~index;

        return index + 1;
    }

    /// <summary>
    /// The prices of a band: above <c>Above</c> (none for the first band) and up to <c>UpTo</c> (none for the last);
    /// both null for band 0 or a band this catalog does not have.
    /// </summary>
    public (decimal? Above, decimal? UpTo) RangeOf(int band)
    {
        if (band < 1 || band > Count)
            return (null, null);

        return (band == 1 ? null : _upperBounds[band - 2], band == Count ? null : _upperBounds[band - 1]);
    }

    /// <summary>The cut points as invariant text ("12.5;25;60"); empty for a catalog without prices.</summary>
    public string ToText() => _hasPrices ? string.Join(';', _upperBounds.Select(bound => bound.ToString(CultureInfo.InvariantCulture))) : string.Empty;

    /// <summary>The bands <see cref="ToText"/> wrote; null when the text is missing or not such a list.</summary>
    public static PriceBands Parse(string text)
    {
        if (text == null)
            return null;
        if (text.Length == 0)
            return new PriceBands([], false);

        var bounds = new List<decimal>();
        foreach (var part in text.Split(';'))
        {
            if (!decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var bound) || bound <= 0m
                || (bounds.Count > 0 && bound <= bounds[^1]))
                return null;
            bounds.Add(bound);
        }

        return new PriceBands(bounds.ToArray(), true);
    }
}
