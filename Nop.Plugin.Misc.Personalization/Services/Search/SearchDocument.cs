namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>
/// The text of one product the index searches, and the stores it is sold in (empty: every store).
/// </summary>
/// <param name="Texts">Tags, category and manufacturer names, localized names and short descriptions.</param>
public sealed record SearchDocument(
    int ProductId,
    string Name,
    string Sku,
    string ShortDescription,
    IReadOnlyList<string> Texts,
    IReadOnlyList<int> StoreIds);
