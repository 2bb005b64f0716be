using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private const string ATTRIBUTE_SEGMENT = "E2E attribute fans";

    /// <summary>The shopper of step W1, the specification option they looked at (id, attribute name, option name).</summary>
    private (string Email, int CustomerId, int OptionId, string Attribute, string Option) _attributeShopper;

    /// <summary>
    /// A new registered shopper looks only at products that share one filterable specification option of the sample
    /// catalog (e.g. a notebook's screen size). The owner has a segment whose rule names that attribute and value by
    /// their names (<c>affinity.attribute("…", "…") >= 0.3</c>); saved through the admin and trained, the shopper's stored
    /// profile holds the option's affinity by its id and the segment.
    /// </summary>
    [Test, Order(951)]
    public async Task W1_A_shopper_who_views_products_with_one_attribute_value_gets_its_affinity_and_the_segment_naming_it()
    {
        var option = (await _database.ListAsync("""
            SELECT o."Id", a."Name", o."Name", COUNT(DISTINCT m."ProductId")
            FROM "Product_SpecificationAttribute_Mapping" m
            JOIN "SpecificationAttributeOption" o ON o."Id" = m."SpecificationAttributeOptionId"
            JOIN "SpecificationAttribute" a ON a."Id" = o."SpecificationAttributeId"
            JOIN "Product" p ON p."Id" = m."ProductId" AND p."Published" AND NOT p."Deleted" AND p."VisibleIndividually"
            WHERE m."AllowFiltering" AND m."AttributeTypeId" = 0
            GROUP BY o."Id", a."Name", o."Name"
            ORDER BY COUNT(DISTINCT m."ProductId") DESC, o."Id" LIMIT 1
            """, reader => (Id: reader.GetInt32(0), Attribute: reader.GetString(1), Option: reader.GetString(2), Products: reader.GetInt64(3)))).SingleOrDefault();
        option.Id.Should().BePositive("the sample catalog has filterable specification attributes (e.g. on notebooks)");
        var products = await _database.ListAsync("""
            SELECT p."Id", p."Name", p."Price", u."Slug"
            FROM "Product_SpecificationAttribute_Mapping" m
            JOIN "Product" p ON p."Id" = m."ProductId" AND p."Published" AND NOT p."Deleted" AND p."VisibleIndividually"
            JOIN "UrlRecord" u ON u."EntityId" = p."Id" AND u."EntityName" = 'Product' AND u."IsActive" AND u."LanguageId" = 0
            WHERE m."SpecificationAttributeOptionId" = @o AND m."AllowFiltering" AND m."AttributeTypeId" = 0
            ORDER BY p."Id" LIMIT 3
            """, reader => new ShopProduct(reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3), 0, null), ("o", option.Id));
        products.Should().NotBeEmpty("option {0} ({1}: {2}) is on a published product", option.Id, option.Attribute, option.Option);

        var rule = $"affinity.attribute(\"{option.Attribute.Replace("\"", "\"\"")}\", \"{option.Option.Replace("\"", "\"\"")}\") >= 0.3";
        await _database.ExecuteAsync("""
            INSERT INTO "Personalization_Segment" ("Name", "RuleDefinition", "CustomerRoleId", "RoleLink", "RoleLinkedByCustomerId", "DisplayOrder", "Enabled")
            VALUES (@n, @r, 0, 0, 0, 900, TRUE)
            """, ("n", ATTRIBUTE_SEGMENT), ("r", rule));
        var segmentId = await _database.ScalarAsync<int>("SELECT MAX(\"Id\") FROM \"Personalization_Segment\" WHERE \"Name\" = @n", ("n", ATTRIBUTE_SEGMENT));

        var email = $"attributes-{Guid.NewGuid():N}@example.com";
        using var shopper = NewShopper("AttributeFan");
        shopper.Register(email, SHOPPER_PASSWORD);
        var customerId = await shopper.CustomerIdAsync();
        //three views make a profile for a shopper who has not ordered; every one of them touches the option
        for (var i = 0; i < 3; i++)
            shopper.ViewProduct(products[i % products.Count]);
        await ShopEvents.WaitForAsync(_database, customerId, "three views of products with the option",
            e => e.Type == EventType.View && e.ProductId == products[0].Id);
        await Poll.UntilAsync(() => _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Event\" WHERE \"CustomerId\" = @c AND \"EventType\" = 1", ("c", customerId)),
            count => count >= 3, ShopEvents.WriteTimeout, $"three stored views of customer {customerId}");

        //saving the segment through the admin checks the rule and has the segments counted at the next training
        var page = Configuration();
        var saved = SegmentEditPage.SaveUnchanged(page, Admin.Browser, ATTRIBUTE_SEGMENT);
        saved.Should().NotContain("expected", "the admin accepts the named attribute rule '{0}'", rule);
        page.Open().Train().Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training runs");

        var stored = await Poll.UntilAsync(() => _database.ListAsync(
                "SELECT COALESCE(\"Affinities\", ''), COALESCE(\"SegmentIds\", '') FROM \"Personalization_Profile\" WHERE \"CustomerId\" = @c AND \"StoreId\" = @s",
                reader => (Affinities: reader.GetString(0), Segments: reader.GetString(1)), ("c", customerId), ("s", _state.StoreId)),
            rows => rows.Count == 1 && rows[0].Affinities.Contains($"s{option.Id}:"), _insightsTimeout,
            $"a profile of customer {customerId} holding the affinity to option {option.Id}");
        stored[0].Affinities.Should().MatchRegex($"(^|;)s{option.Id}:1(;|$)", "every view touched the option, so its share is 1");
        ShopProfiles.ParseIds(stored[0].Segments).Should().Contain(segmentId, "the rule '{0}' matches the shopper", rule);
        _attributeShopper = (email, customerId, option.Id, option.Attribute, option.Option);
    }

    /// <summary>
    /// The attribute shows by name, in the working language, on the admin customer block and on the shopper's own
    /// "Your personalisation" page.
    /// </summary>
    [Test, Order(952)]
    public void W2_The_attribute_is_named_on_the_admin_customer_block_and_the_shoppers_page()
    {
        _attributeShopper.CustomerId.Should().BePositive("step W1 made the attribute shopper");
        var named = $"{_attributeShopper.Attribute}: {_attributeShopper.Option}";

        var block = CustomerInsightsBlock.Open(Admin, _attributeShopper.CustomerId);
        block.Profile.Should().ContainKey("Interests", "the block shows the profile: {0}", block.Text);
        block.Profile["Interests"].Should().Contain($"Specification: {named}", "the option is named with its attribute: {0}", block.Profile["Interests"]);
        block.Profile["Segments"].Should().Contain(ATTRIBUTE_SEGMENT);

        using var shopper = NewShopper("AttributeFanPage");
        shopper.LogIn(_attributeShopper.Email, SHOPPER_PASSWORD);
        var page = MyPersonalizationPage.OpenFromAccount(shopper);
        page.Attributes.Should().Contain(named, "the shopper's page lists the features they like: {0}", page.Text);
        page.Segments.Should().Contain(ATTRIBUTE_SEGMENT);
    }
}
