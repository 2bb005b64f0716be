namespace Nop.Plugin.Misc.Personalization.Models.Search;

/// <summary>
/// What the configuration page's search preview shows: the first results for one customer beside those for a shopper
/// the plugin knows nothing about, or why there are none.
/// </summary>
public record SearchPreviewModel
{
    public string Error { get; init; }

    public string Customer { get; init; }

    public IReadOnlyList<SearchPreviewItem> ForCustomer { get; init; } = [];

    public IReadOnlyList<SearchPreviewItem> ForAnyone { get; init; } = [];
}

public record SearchPreviewItem(int ProductId, string Name);
