using Nop.Plugin.Misc.Personalization.Services.Search;

namespace Nop.Plugin.Misc.Personalization.Tests.Search;

[TestFixture]
public class ProductSearchIndexTests
{
    private static SearchDocument Product(int id, string name, string sku = null, string shortDescription = null,
        string[] texts = null, int[] stores = null) => new(id, name, sku, shortDescription, texts ?? [], stores ?? []);

    private static ProductSearchIndex Index() => ProductSearchIndex.Build(
    [
        Product(1, "Apple MacBook Pro 13-inch", sku: "AP_MBP_13", texts: ["Notebooks", "Apple", "laptop"]),
        Product(2, "Asus N551JK-XO076H Laptop", sku: "AS_551_LP", texts: ["Notebooks", "ASUS"]),
        Product(3, "Nike Floral Roshe Customized Running Shoes", shortDescription: "When you're on the go.", texts: ["Shoes", "Nike"]),
        Product(4, "Café table", texts: ["Tisch aus Holz"]),
        Product(5, "Store two only blender", stores: [2]),
        Product(6, "Nowhere blender", stores: [-1])
    ]);

    private static int[] Ids(ProductSearchIndex index, string keywords, int storeId = 1) =>
        index.Search(keywords, storeId, 10).Select(candidate => candidate.ProductId).ToArray();

    [Test]
    public void FindsByNameSkuShortDescriptionAndMappedNames()
    {
        using var index = Index();

        Ids(index, "macbook").Should().Equal(1);
        Ids(index, "as_551_lp").Should().Equal(2);
        Ids(index, "go").Should().Contain(3);
        Ids(index, "notebooks").Should().BeEquivalentTo([1, 2]);
        Ids(index, "holz").Should().Equal(new[] { 4 }, "localized values are indexed");
    }

    [Test]
    public void ToleratesTyposAndMatchesPrefixesWhileTyping()
    {
        using var index = Index();

        Ids(index, "lpatop").Should().Contain(2, "one transposition in a six-letter word");
        Ids(index, "runnign shoes").Should().Equal(3);
        Ids(index, "macb").Should().Equal(1);
        Ids(index, "nike flo").Should().Equal(3);
        Ids(index, "cafe").Should().Equal(new[] { 4 }, "accents are folded");
    }

    [Test]
    public void EveryWordMustMatch()
    {
        using var index = Index();

        Ids(index, "apple shoes").Should().BeEmpty();
        Ids(index, "   ").Should().BeEmpty();
    }

    [Test]
    public void NameMatchesRankAboveMatchesElsewhere()
    {
        using var index = ProductSearchIndex.Build([Product(1, "Gift card", texts: ["laptop accessories"]), Product(2, "Laptop sleeve")]);

        var result = index.Search("laptop", 1, 10);

        result.Select(candidate => candidate.ProductId).Should().Equal(2, 1);
        result[0].Relevance.Should().Be(1);
        result[1].Relevance.Should().BeInRange(0, 1);
    }

    [Test]
    public void OnlyProductsSoldInTheStoreAreFound()
    {
        using var index = Index();

        Ids(index, "blender", storeId: 1).Should().BeEmpty();
        Ids(index, "blender", storeId: 2).Should().Equal(5);
    }

    [Test]
    public void PatchesAreVisibleToTheNextSearch()
    {
        using var index = Index();

        index.Upsert(Product(3, "Adidas trainers"));
        index.Remove(1);
        index.Upsert(Product(7, "Leica camera"));

        Ids(index, "nike").Should().BeEmpty();
        Ids(index, "adidas").Should().Equal(3);
        Ids(index, "macbook").Should().BeEmpty();
        Ids(index, "leica").Should().Equal(7);
        index.Count.Should().Be(6);
    }
}
