namespace Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;

/// <summary>
/// A product of the sample data a shopper can buy straight from its page: simple, published, in stock, no attributes.
/// </summary>
public sealed record ShopProduct(int Id, string Name, decimal Price, string Slug, int CategoryId, string CategorySlug);

/// <summary>
/// Picks the products the suite browses and buys from the shop's own sample data, so nothing is assumed about ids.
/// </summary>
public static class ShopCatalog
{
    private const string BUYABLE = """
        SELECT p."Id", p."Name", p."Price", u."Slug", c."Id", cu."Slug"
        FROM "Product" p
        JOIN "UrlRecord" u ON u."EntityId" = p."Id" AND u."EntityName" = 'Product' AND u."IsActive" AND u."LanguageId" = 0
        JOIN LATERAL (SELECT pc."CategoryId" AS "Id" FROM "Product_Category_Mapping" pc WHERE pc."ProductId" = p."Id"
                      ORDER BY pc."DisplayOrder", pc."Id" LIMIT 1) c ON TRUE
        JOIN "UrlRecord" cu ON cu."EntityId" = c."Id" AND cu."EntityName" = 'Category' AND cu."IsActive" AND cu."LanguageId" = 0
        WHERE p."Published" AND NOT p."Deleted" AND p."ProductTypeId" = 5 AND p."VisibleIndividually"
          AND NOT p."IsGiftCard" AND NOT p."IsDownload" AND NOT p."IsRental" AND NOT p."IsRecurring"
          AND NOT p."CustomerEntersPrice" AND NOT p."CallForPrice" AND NOT p."DisableBuyButton" AND NOT p."DisableWishlistButton"
          AND NOT p."RequireOtherProducts" AND p."IsShipEnabled" AND p."OrderMinimumQuantity" <= 1 AND p."Price" > 0
          AND COALESCE(p."AllowedQuantities", '') = ''
          AND (p."ManageInventoryMethodId" = 0 OR p."StockQuantity" >= 1000)
          AND NOT EXISTS (SELECT 1 FROM "Product_ProductAttribute_Mapping" m WHERE m."ProductId" = p."Id")
        ORDER BY p."Id"
        """;

    public static async Task<IReadOnlyList<ShopProduct>> BuyableAsync(ShopDatabase database)
    {
        var products = await database.ListAsync(BUYABLE, reader => new ShopProduct(reader.GetInt32(0), reader.GetString(1),
            reader.GetDecimal(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5)));
        if (products.Count < 12)
            Assert.Fail($"the shop's sample data has only {products.Count} simple products a shopper can buy at once; the suite needs 12");
        return products;
    }
}
