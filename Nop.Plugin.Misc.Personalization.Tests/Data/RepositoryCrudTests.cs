using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data;

/// <summary>
/// Every plugin entity through nopCommerce's repository contract on every engine, after the plugin's own migration
/// created the tables: proves the migration, the table names from INameCompatibility and the entity agree.
/// </summary>
[TestFixtureSource(typeof(RepositoryCrudFixtures), nameof(RepositoryCrudFixtures.All))]
public class RepositoryCrudTests<TEntity, TSamples> : MigratedDatabaseTest
    where TEntity : BaseEntity
    where TSamples : EntitySamples<TEntity>, new()
{
    private readonly TSamples _samples = new();
    private IRepository<TEntity> _repository;
    private int _lastMarker;

    public RepositoryCrudTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public void CreateRepository()
    {
        _repository = Repository<TEntity>();
    }

    [Test]
    public async Task InsertSetsTheIdentityAndTheRowReadsBackById()
    {
        var entity = _samples.Create(NewMarker(), seed: 1);

        await _repository.InsertAsync(entity);

        entity.Id.Should().BePositive();
        (await _repository.GetByIdAsync(entity.Id)).Should().BeEquivalentTo(entity);
        _repository.GetById(entity.Id).Should().BeEquivalentTo(entity);
    }

    [Test]
    public async Task SynchronousInsertSetsTheIdentity()
    {
        var entity = _samples.Create(NewMarker(), seed: 2);

        _repository.Insert(entity);

        entity.Id.Should().BePositive();
        (await _repository.GetByIdAsync(entity.Id)).Should().BeEquivalentTo(entity);
    }

    [Test]
    public async Task GetByIdOfNothingIsNull()
    {
        (await _repository.GetByIdAsync(null)).Should().BeNull();
        (await _repository.GetByIdAsync(0)).Should().BeNull();
        (await _repository.GetByIdAsync(int.MaxValue)).Should().BeNull();
    }

    [Test]
    public async Task GetByIdsKeepsTheRequestedOrderAndSkipsUnknownIds()
    {
        var entities = await InsertAsync(NewMarker(), 3);
        var (first, second, third) = (entities[0], entities[1], entities[2]);

        var found = await _repository.GetByIdsAsync([third.Id, first.Id, int.MaxValue, second.Id]);

        found.Select(entity => entity.Id).Should().Equal(third.Id, first.Id, second.Id);
        found[0].Should().BeEquivalentTo(third);
        (await _repository.GetByIdsAsync([])).Should().BeEmpty();
        (await _repository.GetByIdsAsync(null)).Should().BeEmpty();
    }

    [Test]
    public async Task GetAllAppliesTheCallersFilter()
    {
        var marker = NewMarker();
        var mine = await InsertAsync(marker, 3);
        await InsertAsync(NewMarker(), 2);
        var hasMarker = _samples.HasMarker(marker);

        var all = await _repository.GetAllAsync(query => query.Where(hasMarker).OrderBy(entity => entity.Id));
        var allAsync = await _repository.GetAllAsync(query => Task.FromResult(query.Where(hasMarker)), (Func<ICacheKeyService, CacheKey>)null);
        var allAsyncKey = await _repository.GetAllAsync(query => Task.FromResult(query.Where(hasMarker)), _ => Task.FromResult<CacheKey>(null));
        var allSync = _repository.GetAll(query => query.Where(hasMarker));

        all.Should().BeEquivalentTo(mine, options => options.WithStrictOrdering());
        allAsync.Should().BeEquivalentTo(mine);
        allAsyncKey.Should().BeEquivalentTo(mine);
        allSync.Should().BeEquivalentTo(mine);
    }

    [Test]
    public async Task GetAllPagedReturnsOnePageAndTheTotal()
    {
        var marker = NewMarker();
        var mine = await InsertAsync(marker, 5);
        var hasMarker = _samples.HasMarker(marker);

        var page = await _repository.GetAllPagedAsync(query => query.Where(hasMarker).OrderBy(entity => entity.Id), pageIndex: 1, pageSize: 2);

        page.Select(entity => entity.Id).Should().Equal(mine[2].Id, mine[3].Id);
        page.TotalCount.Should().Be(5);
        page.TotalPages.Should().Be(3);
        page.PageIndex.Should().Be(1);
        page.PageSize.Should().Be(2);
        page.HasPreviousPage.Should().BeTrue();
        page.HasNextPage.Should().BeTrue();

        var last = await _repository.GetAllPagedAsync(query => Task.FromResult<IQueryable<TEntity>>(query.Where(hasMarker).OrderBy(entity => entity.Id)), pageIndex: 2, pageSize: 2);
        last.Select(entity => entity.Id).Should().Equal(mine[4].Id);
        last.HasNextPage.Should().BeFalse();

        var countOnly = await _repository.GetAllPagedAsync(query => query.Where(hasMarker), getOnlyTotalCount: true);
        countOnly.Should().BeEmpty();
        countOnly.TotalCount.Should().Be(5);
    }

    [Test]
    public async Task UpdateWritesEveryColumn()
    {
        var entity = (await InsertAsync(NewMarker(), 1))[0];
        _samples.Change(entity);

        await _repository.UpdateAsync(entity);

        (await _repository.GetByIdAsync(entity.Id)).Should().BeEquivalentTo(entity);
    }

    [Test]
    public async Task UpdateOfAListWritesEveryEntity()
    {
        var entities = await InsertAsync(NewMarker(), 3);
        foreach (var entity in entities)
            _samples.Change(entity);

        await _repository.UpdateAsync(entities);
        _samples.Change(entities[0]);
        _repository.Update(entities[0]);

        (await _repository.GetByIdsAsync(entities.Select(entity => entity.Id).ToList())).Should().BeEquivalentTo(entities);
    }

    [Test]
    public async Task LoadOriginalCopyReadsTheStoredRowNotTheChangedObject()
    {
        var entity = (await InsertAsync(NewMarker(), 1))[0];
        var stored = await _repository.GetByIdAsync(entity.Id);
        _samples.Change(entity);

        (await _repository.LoadOriginalCopyAsync(entity)).Should().BeEquivalentTo(stored);
    }

    [Test]
    public async Task DeleteRemovesTheRow()
    {
        var entities = await InsertAsync(NewMarker(), 2);

        await _repository.DeleteAsync(entities[0]);
        _repository.Delete(entities[1]);

        (await _repository.GetByIdAsync(entities[0].Id)).Should().BeNull();
        (await _repository.GetByIdAsync(entities[1].Id)).Should().BeNull();
    }

    [Test]
    public async Task DeleteOfAListRemovesExactlyThoseRows()
    {
        var marker = NewMarker();
        var entities = await InsertAsync(marker, 4);

        await _repository.DeleteAsync([entities[0], entities[2]]);
        _repository.Delete([entities[3]]);
        await _repository.DeleteAsync(new List<TEntity>());

        var left = await _repository.GetAllAsync(query => query.Where(_samples.HasMarker(marker)));
        left.Select(entity => entity.Id).Should().Equal(entities[1].Id);
    }

    [Test]
    public async Task DeleteByPredicateReturnsHowManyRowsWentAndLeavesTheRest()
    {
        var doomedMarker = NewMarker();
        var keptMarker = NewMarker();
        await InsertAsync(doomedMarker, 3);
        var kept = await InsertAsync(keptMarker, 2);

        var deleted = await _repository.DeleteAsync(_samples.HasMarker(doomedMarker));
        var deletedAgain = _repository.Delete(_samples.HasMarker(doomedMarker));

        deleted.Should().Be(3);
        deletedAgain.Should().Be(0);
        (await _repository.GetAllAsync(query => query.Where(_samples.HasMarker(keptMarker)))).Should().BeEquivalentTo(kept);
    }

    [Test]
    public async Task ListInsertIsOneBulkCopyThatSetsEveryId()
    {
        var marker = NewMarker();
        var entities = Enumerable.Range(1, 25).Select(seed => _samples.Create(marker, seed)).ToList();

        await _repository.InsertAsync(entities);
        _repository.Insert([_samples.Create(marker, 26)]);
        await _repository.InsertAsync(new List<TEntity>());

        entities.Select(entity => entity.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id > 0);
        (await _repository.GetByIdsAsync(entities.Select(entity => entity.Id).ToList())).Should().BeEquivalentTo(entities, options => options.WithStrictOrdering());
        (await _repository.GetAllAsync(query => query.Where(_samples.HasMarker(marker)))).Should().HaveCount(26);
    }

    [Test]
    public async Task SingleInsertAfterABulkInsertGetsAFreshId()
    {
        var marker = NewMarker();
        var bulk = await InsertAsync(marker, 3);
        var single = _samples.Create(marker, 4);

        await _repository.InsertAsync(single);

        single.Id.Should().BeGreaterThan(bulk.Max(entity => entity.Id));
    }

    [Test]
    public async Task TruncateEmptiesTheTableAndCanRestartTheIdentity()
    {
        await InsertAsync(NewMarker(), 2);

        await _repository.TruncateAsync(resetIdentity: true);
        var first = _samples.Create(NewMarker(), 1);
        await _repository.InsertAsync(first);

        _repository.Table.Count().Should().Be(1);
        first.Id.Should().Be(1);
    }

    private async Task<IList<TEntity>> InsertAsync(int marker, int count)
    {
        var entities = Enumerable.Range(1, count).Select(seed => _samples.Create(marker, seed)).ToList();
        foreach (var entity in entities)
            await _repository.InsertAsync(entity);

        return entities;
    }

    private int NewMarker() => ++_lastMarker;
}

/// <summary>
/// One <see cref="RepositoryCrudTests{TEntity, TSamples}"/> fixture per entity and engine.
/// </summary>
public static class RepositoryCrudFixtures
{
    private static readonly (Type Entity, Type Samples)[] _entities =
    [
        (typeof(PersonalizationEvent), typeof(EventSamples)),
        (typeof(PersonalizationModelSnapshot), typeof(ModelSnapshotSamples)),
        (typeof(PersonalizationPlacement), typeof(PlacementSamples)),
        (typeof(PersonalizationSegment), typeof(SegmentSamples)),
        (typeof(PersonalizationProfile), typeof(ProfileSamples)),
        (typeof(PersonalizationPrediction), typeof(PredictionSamples)),
        (typeof(PersonalizationErasure), typeof(ErasureSamples)),
        (typeof(PersonalizationRoleMapping), typeof(RoleMappingSamples)),
        (typeof(PersonalizationLock), typeof(LockSamples)),
        (typeof(PersonalizationImpressionCount), typeof(ImpressionCountSamples)),
        (typeof(PersonalizationCartReminder), typeof(CartReminderSamples)),
        (typeof(PersonalizationEmailSend), typeof(EmailSendSamples))
    ];

    //NUnit takes the leading Type arguments of a generic fixture as its type arguments, the rest go to the constructor
    public static IEnumerable<TestFixtureData> All =>
        from entity in _entities
        from engine in Enum.GetValues<DatabaseEngine>()
        select new TestFixtureData(entity.Entity, entity.Samples, engine);
}
