namespace Nop.Plugin.Misc.Personalization.Engine.Catalog;

/// <summary>
/// Products that look alike, for a product nobody has interacted with yet: each product is the set of its categories,
/// manufacturer, price band (about 1.5× wide, like the snapshot's) and attributes; each feature weighs
/// ln(products / products having it), so a rare attribute ("Merino wool") says more than a common one ("Colour: black");
/// two products score the cosine of their weighted sets. Ties go to the more popular product (if given), then the lower id.
/// Immutable and thread-safe.
/// </summary>
public sealed class ContentIndex
{
    private const long CATEGORY = 1L << 32;
    private const long MANUFACTURER = 2L << 32;
    private const long PRICE_BAND = 3L << 32;
    private const long OPTION = 4L << 32;
    private const long TAG = 5L << 32;
    private const long VALUE = 6L << 32;

    public static readonly ContentIndex Empty = Build([]);

    private readonly bool _categoriesOnly;
    private readonly Dictionary<long, int[]> _postings;
    private readonly Dictionary<long, double> _weights;
    private readonly int[] _productIds;
    private readonly double[] _norms;
    private readonly bool[] _available;

    private ContentIndex(bool categoriesOnly, Dictionary<long, int[]> postings, Dictionary<long, double> weights, int[] productIds,
        double[] norms, bool[] available)
    {
        _categoriesOnly = categoriesOnly;
        _postings = postings;
        _weights = weights;
        _productIds = productIds;
        _norms = norms;
        _available = available;
    }

    public int Count => _productIds.Length;

    /// <param name="categoriesOnly">Only categories count (the plain "same category" neighbours, for comparison).</param>
    public static ContentIndex Build(IEnumerable<ProductFacts> products, bool categoriesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(products);
        var list = products.Where(product => product != null).GroupBy(product => product.ProductId).Select(group => group.Last())
            .OrderBy(product => product.ProductId).ToArray();
        var features = list.Select(product => FeaturesOf(product, categoriesOnly)).ToArray();
        var lists = new Dictionary<long, List<int>>();
        for (var i = 0; i < features.Length; i++)
        {
            foreach (var feature in features[i])
            {
                if (!lists.TryGetValue(feature, out var holders))
                    lists[feature] = holders = [];
                holders.Add(i);
            }
        }

        var weights = lists.ToDictionary(pair => pair.Key, pair => Math.Log((double)list.Length / pair.Value.Count));
        var norms = features.Select(set => Math.Sqrt(set.Sum(feature => weights[feature] * weights[feature]))).ToArray();
        return new ContentIndex(categoriesOnly, lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()), weights,
            list.Select(product => product.ProductId).ToArray(), norms, list.Select(product => product.Published && product.InStock).ToArray());
    }

    /// <summary>
    /// The products most like <paramref name="product"/> (which need not be indexed), best first; never the product itself,
    /// an excluded one or one that is unpublished or out of stock.
    /// </summary>
    /// <param name="popularity">Breaks ties between equally similar products (higher first); null: by id.</param>
    public IReadOnlyList<ContentNeighbour> Neighbours(ProductFacts product, int count, IReadOnlyCollection<int> excludedProductIds = null,
        Func<int, double> popularity = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (count <= 0)
            return [];

        var scores = new Dictionary<int, (double Dot, int Shared)>();
        var queryNorm = 0.0;
        foreach (var feature in FeaturesOf(product, _categoriesOnly))
        {
            if (!_weights.TryGetValue(feature, out var weight) || weight <= 0)
                continue;
            queryNorm += weight * weight;
            var isAttribute = feature >= OPTION;
            foreach (var i in _postings[feature])
            {
                scores.TryGetValue(i, out var current);
                scores[i] = (current.Dot + weight * weight, current.Shared + (isAttribute ? 1 : 0));
            }
        }

        if (queryNorm <= 0)
            return [];
        queryNorm = Math.Sqrt(queryNorm);
        return scores
            .Where(pair => _productIds[pair.Key] != product.ProductId && _available[pair.Key] && _norms[pair.Key] > 0
                && (excludedProductIds == null || !excludedProductIds.Contains(_productIds[pair.Key])))
            .Select(pair => new ContentNeighbour(_productIds[pair.Key], pair.Value.Dot / (queryNorm * _norms[pair.Key]), pair.Value.Shared))
            .OrderByDescending(neighbour => Math.Round(neighbour.Score, 12))
            .ThenByDescending(neighbour => popularity?.Invoke(neighbour.ProductId) ?? 0)
            .ThenBy(neighbour => neighbour.ProductId)
            .Take(count)
            .ToArray();
    }

    /// <summary>Price band of a price: about 1.5× wide; none for a price of 0.</summary>
    public static int? PriceBandOf(decimal price) => price > 0 ? (int)Math.Floor(Math.Log((double)price) / Math.Log(1.5)) : null;

    private static HashSet<long> FeaturesOf(ProductFacts product, bool categoriesOnly)
    {
        var features = new HashSet<long>();
        foreach (var category in product.CategoryIds ?? [])
        {
            if (category > 0)
                features.Add(CATEGORY | (uint)category);
        }
        if (categoriesOnly)
            return features;

        if (product.ManufacturerId > 0)
            features.Add(MANUFACTURER | (uint)product.ManufacturerId);
        if (PriceBandOf(product.Price) is { } band)
            features.Add(PRICE_BAND | (uint)band);
        foreach (var id in product.Attributes.SpecificationOptionIds)
            features.Add(OPTION | (uint)id);
        foreach (var id in product.Attributes.TagIds)
            features.Add(TAG | (uint)id);
        foreach (var id in product.Attributes.AttributeValueIds)
            features.Add(VALUE | (uint)id);
        return features;
    }
}
