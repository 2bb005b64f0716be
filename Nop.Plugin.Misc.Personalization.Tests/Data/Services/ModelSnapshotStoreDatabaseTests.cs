using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Services;

/// <summary>
/// Model snapshots stored in parts, against PostgreSQL through the plugin's migrations and IRepository&lt;T&gt;.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ModelSnapshotStoreDatabaseTests : MigratedDatabaseTest
{
    private const string KIND = ModelSnapshotStore.RECOMMENDATIONS;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    public ModelSnapshotStoreDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public Task ClearAsync() => Repository<PersonalizationModelSnapshot>().TruncateAsync();

    [Test]
    public async Task APayloadLargerThanOnePartIsStoredInPartsAndComesBackWhole()
    {
        var store = Store();
        var payload = Payload(ModelSnapshotStore.DEFAULT_PART_BYTES * 5 / 2, seed: 1);

        var version = await store.SaveAsync(1, KIND, payload);

        var rows = await Repository<PersonalizationModelSnapshot>().GetAllAsync(query => query.OrderBy(row => row.Part));
        rows.Select(row => (row.Version, row.Part, row.PartCount, row.Payload.Length)).Should().Equal(
            (version, 0, 3, ModelSnapshotStore.DEFAULT_PART_BYTES),
            (version, 1, 3, ModelSnapshotStore.DEFAULT_PART_BYTES),
            (version, 2, 3, ModelSnapshotStore.DEFAULT_PART_BYTES / 2));
        var newest = (await store.NewestAsync(KIND)).Should().ContainSingle().Subject;
        newest.Version.Should().Be(version);
        (await store.LoadPayloadAsync(newest)).Should().Equal(payload);
    }

    [Test]
    public async Task ASmallPayloadIsOneRowAndAnEmptyOneStillMakesAVersion()
    {
        var store = Store();

        await store.SaveAsync(1, KIND, Payload(10, seed: 2));
        await store.SaveAsync(2, KIND, []);

        var newest = await store.NewestAsync(KIND);
        newest.Select(snapshot => (snapshot.StoreId, snapshot.Version, snapshot.PartCount)).Should().Equal((1, 1, 1), (2, 1, 1));
        (await store.LoadPayloadAsync(newest[0])).Should().Equal(Payload(10, seed: 2));
        (await store.LoadPayloadAsync(newest[1])).Should().BeEmpty();
    }

    [Test]
    public async Task AVersionWhosePartZeroIsNotWrittenYetIsInvisible()
    {
        var store = Store(partBytes: 4);
        await store.SaveAsync(1, KIND, Payload(10, seed: 3));
        //a save of version 2 that has written its later parts but not part 0 (still running, or failed)
        var repository = Repository<PersonalizationModelSnapshot>();
        await repository.InsertAsync(Row(1, version: 2, part: 2, partCount: 3, Payload(2, seed: 4)), publishEvent: false);
        await repository.InsertAsync(Row(1, version: 2, part: 1, partCount: 3, Payload(4, seed: 5)), publishEvent: false);

        var newest = (await store.NewestAsync(KIND)).Should().ContainSingle().Subject;

        newest.Version.Should().Be(1);
        (await store.LoadPayloadAsync(newest)).Should().Equal(Payload(10, seed: 3));
    }

    [Test]
    public async Task AVersionWithAMissingPartLoadsAsNothing()
    {
        var store = Store(partBytes: 4);
        await store.SaveAsync(1, KIND, Payload(10, seed: 6));
        var newest = (await store.NewestAsync(KIND)).Single();
        await Repository<PersonalizationModelSnapshot>().DeleteAsync(row => row.Part == 1);

        (await store.LoadPayloadAsync(newest)).Should().BeNull();
    }

    [Test]
    public async Task OnlyTheNewestVersionsAreKeptWithAllTheirPartsAndLeftoversOfAFailedSaveGo()
    {
        var store = Store(partBytes: 4);
        var repository = Repository<PersonalizationModelSnapshot>();
        await store.SaveAsync(1, KIND, Payload(10, seed: 7));
        await repository.InsertAsync(Row(1, version: 2, part: 1, partCount: 2, Payload(3, seed: 8)), publishEvent: false);
        await store.SaveAsync(2, KIND, Payload(10, seed: 9));

        for (var seed = 10; seed < 14; seed++)
            await store.SaveAsync(1, KIND, Payload(9, seed));

        var rows = await repository.GetAllAsync(query => query.Where(row => row.StoreId == 1));
        rows.Select(row => row.Version).Distinct().Order().Should().Equal(4, 5, 6);
        rows.Should().HaveCount(ModelSnapshotStore.VERSIONS_KEPT * 3);
        (await repository.GetAllAsync(query => query.Where(row => row.StoreId == 2))).Should().HaveCount(3, "another store's versions are its own");
        var newest = (await store.NewestAsync(KIND)).First(snapshot => snapshot.StoreId == 1);
        (await store.LoadPayloadAsync(newest)).Should().Equal(Payload(9, seed: 13));
    }

    [Test]
    public async Task ASecondWriterOfTheSameVersionIsRefusedAndItsLeftoversAreIgnored()
    {
        var store = Store(partBytes: 4);
        var repository = Repository<PersonalizationModelSnapshot>();
        var payload = Payload(10, seed: 22);
        await store.SaveAsync(1, KIND, payload);
        var newest = (await store.NewestAsync(KIND)).Single();

        //another node took the same version number for a five-part payload and writes from its last part down
        await repository.InsertAsync(Row(1, newest.Version, part: 4, partCount: 5, Payload(4, seed: 20)), publishEvent: false);
        await repository.InsertAsync(Row(1, newest.Version, part: 3, partCount: 5, Payload(4, seed: 21)), publishEvent: false);
        var clash = () => repository.InsertAsync(Row(1, newest.Version, part: 2, partCount: 5, Payload(4, seed: 23)), publishEvent: false);

        await clash.Should().ThrowAsync<Exception>("the unique part index refuses a second part 2 of the version");
        (await store.LoadPayloadAsync(newest)).Should().Equal(payload);
    }

    private ModelSnapshotStore Store(int partBytes = ModelSnapshotStore.DEFAULT_PART_BYTES) =>
        new(Repository<PersonalizationModelSnapshot>(), _clock) { PartBytes = partBytes };

    private static PersonalizationModelSnapshot Row(int storeId, int version, int part, int partCount, byte[] payload) => new()
    {
        StoreId = storeId,
        Kind = KIND,
        Version = version,
        Part = part,
        PartCount = partCount,
        CreatedOnUtc = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc),
        Payload = payload
    };

    private static byte[] Payload(int length, int seed)
    {
        var random = new Random(seed);
        var payload = new byte[length];
        random.NextBytes(payload);
        return payload;
    }
}
