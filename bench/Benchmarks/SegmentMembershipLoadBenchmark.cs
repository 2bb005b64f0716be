using BenchmarkDotNet.Attributes;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Benchmarks;

/// <summary>
/// A node reading the segment memberships of 200,000 stored profiles from PostgreSQL (pages of 10,000, four columns)
/// through the linq2db IRepository&lt;T&gt; of the tests, and the newest-row check it repeats every few minutes.
/// Needs PERSONALIZATION_TEST_POSTGRES (bash .ci/postgres.sh).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class SegmentMembershipLoadBenchmark
{
    public const int PROFILES = 200_000;

    private PostgresDatabase _database;
    private PluginMigrator _migrator;
    private SegmentMembershipReader _reader;

    [GlobalSetup]
    public void Setup()
    {
        _database = PostgresDatabase.CreateAsync().GetAwaiter().GetResult();
        _migrator = new PluginMigrator(_database);
        _migrator.MigrateUp();
        var repository = new LinqToDbRepository<PersonalizationProfile>(PersonalizationDataOptions.Create(_database));
        var computed = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);
        var random = new Random(42);
        //as training stores them: an affinity text on every row, a quarter of the customers in no segment
        var rows = Enumerable.Range(1, PROFILES).Select(customer => new PersonalizationProfile
        {
            StoreId = 1,
            CustomerId = customer,
            SegmentIds = random.Next(4) == 0 ? null : $"{random.Next(1, 5)},{random.Next(5, 9)}",
            Affinities = $"c{customer % 300}:0.83;m{customer % 40}:0.41;p2:0.66",
            LastComputedOnUtc = computed
        }).ToList();
        repository.InsertAsync(rows, publishEvent: false).GetAwaiter().GetResult();
        _reader = new SegmentMembershipReader(repository);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _migrator.MigrateDownToNothing();
        _migrator.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> Load200kProfiles() =>
        (await _reader.ReadAsync(new SegmentMembershipOptions().MaxCustomers, new SegmentMembershipOptions().PageSize, CancellationToken.None)).Memberships.Customers;

    [Benchmark]
    public async Task<MembershipStamp> CheckForANewerRefresh() => await _reader.ReadStampAsync();
}
