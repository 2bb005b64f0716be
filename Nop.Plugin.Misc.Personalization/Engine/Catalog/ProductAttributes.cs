namespace Nop.Plugin.Misc.Personalization.Engine.Catalog;

/// <summary>
/// A product's descriptive attributes by nopCommerce ids, so they mean the same in every language: the options of its
/// filterable specification attributes, its product tags, and its product attribute values (each value stands for
/// every value of the same product attribute with the same standard name, by the lowest value id among them).
/// </summary>
public sealed record ProductAttributes(int[] SpecificationOptionIds, int[] TagIds, int[] AttributeValueIds)
{
    public static readonly ProductAttributes Empty = new([], [], []);

    public bool IsEmpty => SpecificationOptionIds.Length == 0 && TagIds.Length == 0 && AttributeValueIds.Length == 0;
}
