namespace Nop.Plugin.Misc.Personalization.Services.Search;

/// <summary>Field names of the product index.</summary>
public static class ProductIndexFields
{
    public const string ID = "id";
    public const string PRODUCT_ID = "pid";
    public const string NAME = "name";
    public const string ALL = "all";
    public const string SKU = "sku";
    public const string STORE = "store";

    /// <summary>The store value of a product sold in every store.</summary>
    public const string ALL_STORES = "0";
}
