using Nop.Plugin.Misc.Personalization.Services.Catalog;

namespace Nop.Plugin.Misc.Personalization.Tests.Serving;

[TestFixture]
public class ServingCatalogTests
{
    [Test]
    public void APatchWinsOverTheLoadedProductUntilTheNextFullLoad()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(new Dictionary<int, ServableProduct> { [1] = Product(1, price: 5m), [2] = Product(2, price: 6m) });

        catalog.Upsert(Product(1, price: 7m));
        catalog.Upsert(Product(3, price: 8m));

        catalog.Find(1).Price.Should().Be(7m);
        catalog.Find(3).Price.Should().Be(8m);
        catalog.All().Select(product => (product.Id, product.Price)).Should().BeEquivalentTo([(1, 7m), (2, 6m), (3, 8m)]);

        catalog.Replace(new Dictionary<int, ServableProduct> { [1] = Product(1, price: 9m) });

        catalog.Find(1).Price.Should().Be(9m);
        catalog.Find(3).Should().BeNull();
        catalog.All().Should().ContainSingle();
    }

    [Test]
    public async Task ConcurrentUpdatesOfManyProductsAllLandAndReadersKeepWorking()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(Enumerable.Range(1, 1_000).ToDictionary(id => id, id => Product(id, price: 1m)));

        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var round = 1; round <= 5; round++)
            {
                for (var id = writer * 5_000 + 1; id <= (writer + 1) * 5_000; id++)
                    catalog.Upsert(Product(id, price: round));
            }
        }));
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 100_000; i++)
                catalog.Find(i % 20_000 + 1);
        });
        await Task.WhenAll(writers.Append(reader));

        catalog.All().Should().HaveCount(20_000).And.OnlyContain(product => product.Price == 5m);
    }

    [Test]
    public void EachUpdateAllocatesTheSameSmallAmountHoweverManyCameBefore()
    {
        var catalog = new ServingCatalog();
        catalog.Replace(new Dictionary<int, ServableProduct>());
        var updates = Enumerable.Range(1, 40_000).Select(id => Product(id, price: 1m)).ToArray();

        var first = AllocatedBy(() => Upsert(catalog, updates.AsSpan(0, 20_000)));
        var second = AllocatedBy(() => Upsert(catalog, updates.AsSpan(20_000, 20_000)));

        //copying all earlier patches on every update allocated gigabytes here; one entry per update allocates ~100 bytes
        first.Should().BeLessThan(20_000 * 512);
        second.Should().BeLessThan(20_000 * 512);
    }

    private static void Upsert(ServingCatalog catalog, ReadOnlySpan<ServableProduct> products)
    {
        foreach (var product in products)
            catalog.Upsert(product);
    }

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ServableProduct Product(int id, decimal price) =>
        new(id, true, false, true, true, null, null, false, false, [10], 3, price, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}
