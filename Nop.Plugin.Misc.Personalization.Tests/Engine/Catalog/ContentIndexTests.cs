using Nop.Plugin.Misc.Personalization.Engine.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Catalog;

/// <summary>Content neighbours: features weighted by rarity, cosine; hand-computed answers.</summary>
[TestFixture]
public class ContentIndexTests
{
    private static readonly DateTime _created = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ProductFacts Product(int id, int category, int[] options = null, bool available = true) =>
        new(id, [category], 0, 0m, available, available, _created) { Attributes = new ProductAttributes(options ?? [], [], []) };

    [Test]
    public void ARareSharedAttributeOutweighsACommonOne()
    {
        // 4 products in category 1: option 7 on products 1, 2, 3 (common), option 9 on products 1 and 4 (rare)
        var index = ContentIndex.Build([Product(1, 1, [7, 9]), Product(2, 1, [7]), Product(3, 1, [7]), Product(4, 1, [9])]);

        var neighbours = index.Neighbours(Product(1, 1, [7, 9]), 3);

        // weights: category ln(4/4) = 0, option 7 ln(4/3), option 9 ln(4/2); |1| = sqrt(w7² + w9²)
        var w7 = Math.Log(4 / 3.0);
        var w9 = Math.Log(2);
        var norm1 = Math.Sqrt(w7 * w7 + w9 * w9);
        neighbours.Select(n => n.ProductId).Should().Equal(4, 2, 3);
        neighbours[0].Score.Should().BeApproximately(w9 * w9 / (norm1 * w9), 1e-12);
        neighbours[1].Score.Should().BeApproximately(w7 * w7 / (norm1 * w7), 1e-12);
        neighbours[0].SharedAttributes.Should().Be(1);
    }

    [Test]
    public void CategoryOnlyTiesGoToThePopularThenTheLowerId()
    {
        var products = new[] { Product(1, 1, [9]), Product(2, 1), Product(3, 1), Product(4, 2, [9]), Product(5, 2) };
        var index = ContentIndex.Build(products, categoriesOnly: true);

        index.Neighbours(products[0], 5, popularity: id => id == 3 ? 10 : 0).Select(n => n.ProductId).Should().Equal(3, 2);
        index.Neighbours(products[0], 5).Select(n => n.ProductId).Should().Equal(2, 3);
    }

    [Test]
    public void ANewProductBorrowsNeighboursAndNeverGetsItselfExcludedOrUnavailableOnes()
    {
        var index = ContentIndex.Build([Product(1, 1, [9]), Product(2, 2, [9]), Product(3, 2, [9], available: false), Product(4, 2), Product(5, 3)]);

        // product 10 is not in the index (created after the last load)
        index.Neighbours(Product(10, 2, [9]), 5, excludedProductIds: [4]).Select(n => n.ProductId).Should().Equal(2, 1);
        index.Neighbours(Product(2, 2, [9]), 5).Select(n => n.ProductId).Should().NotContain(2);
        index.Neighbours(Product(11, 8, [99]), 5).Should().BeEmpty("nothing shares its features");
    }
}
