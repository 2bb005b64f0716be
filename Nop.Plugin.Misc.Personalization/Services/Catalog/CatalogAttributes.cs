using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Services.Catalog;

/// <summary>Every product's attributes by id, and their names in every language.</summary>
public sealed record CatalogAttributes(IReadOnlyDictionary<int, ProductAttributes> ByProduct, AttributeVocabulary Vocabulary)
{
    public static readonly CatalogAttributes None = new(new Dictionary<int, ProductAttributes>(), AttributeVocabulary.Empty);
}
