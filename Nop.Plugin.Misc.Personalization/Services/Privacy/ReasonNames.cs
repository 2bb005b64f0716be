namespace Nop.Plugin.Misc.Personalization.Services.Privacy;

/// <summary>
/// The names a set of reasons refers to, read once for a page.
/// </summary>
public sealed class ReasonNames
{
    private readonly IReadOnlyDictionary<int, string> _categories;
    private readonly IReadOnlyDictionary<int, string> _manufacturers;
    private readonly IReadOnlyDictionary<int, string> _products;

    public ReasonNames(IReadOnlyDictionary<int, string> products, IReadOnlyDictionary<int, string> categories,
        IReadOnlyDictionary<int, string> manufacturers)
    {
        _products = products ?? new Dictionary<int, string>();
        _categories = categories ?? new Dictionary<int, string>();
        _manufacturers = manufacturers ?? new Dictionary<int, string>();
    }

    public string Product(int id) => _products.GetValueOrDefault(id);

    public string Category(int id) => _categories.GetValueOrDefault(id);

    public string Manufacturer(int id) => _manufacturers.GetValueOrDefault(id);
}
