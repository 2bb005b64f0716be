namespace Nop.Plugin.Misc.Personalization.Engine.Catalog;

/// <summary>
/// What the engine knows about a product apart from behaviour; supplied by the glue from the shop's catalog.
/// </summary>
/// <param name="CategoryIds">Categories the product is mapped to (may be empty, never null).</param>
/// <param name="ManufacturerId">0 when the product has no manufacturer.</param>
public sealed record ProductFacts(
    int ProductId,
    int[] CategoryIds,
    int ManufacturerId,
    decimal Price,
    bool Published,
    bool InStock,
    DateTime CreatedOnUtc)
{
    /// <summary>Specification options, tags and attribute values; empty when the product has none.</summary>
    public ProductAttributes Attributes { get; init; } = ProductAttributes.Empty;
}
