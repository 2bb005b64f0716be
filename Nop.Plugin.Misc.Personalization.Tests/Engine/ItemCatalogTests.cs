using Nop.Plugin.Misc.Personalization.Engine.Models;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine;

[TestFixture]
public class ItemCatalogTests
{
    private static ItemCatalog Catalog(params int[] productIds)
    {
        var n = productIds.Length;
        return new ItemCatalog(productIds, new int[n + 1], Array.Empty<int>(), new int[n], new float[n], new byte[n]);
    }

    // dense ids use a direct table, sparse ones a dictionary: both must answer alike
    [TestCase(new[] { 2, 3, 5, 8, 13 })]
    [TestCase(new[] { 7, 1_000_000, 2_000_000_000 })]
    public void IndexOfFindsEveryProductAndNothingElse(int[] productIds)
    {
        var catalog = Catalog(productIds);
        for (var i = 0; i < productIds.Length; i++)
            catalog.IndexOf(productIds[i]).Should().Be(i);
        foreach (var unknown in new[] { 0, 1, 4, 6, 9, 14, 999_999, -1, int.MinValue, int.MaxValue })
            catalog.IndexOf(unknown).Should().Be(-1, $"{unknown} is not in the catalog");
    }
}
