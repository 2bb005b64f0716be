using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Engine.Catalog;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Models;
using Nop.Plugin.Misc.Personalization.Engine.Training;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Engine.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.RoleSync;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Customers;

/// <summary>
/// Profiles, segments and predictions stored by training, against PostgreSQL through the plugin's migrations.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class CustomerInsightsRefresherDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _day0 = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime _now = _day0.AddDays(100);
    private static readonly ProductFacts[] _products = [new(1, [10], 0, 5m, true, true, _day0), new(2, [20], 0, 50m, true, true, _day0)];

    private InMemorySettings _settings;
    private RecordingShopLog _logger;

    public CustomerInsightsRefresherDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task ClearAsync()
    {
        await Repository<PersonalizationProfile>().TruncateAsync();
        await Repository<PersonalizationPrediction>().TruncateAsync();
        await Repository<PersonalizationSegment>().TruncateAsync();
        _settings = new InMemorySettings().Handle<PersonalizationInsightsState>();
        _logger = new RecordingShopLog();
    }

    private CustomerInsightsRefresher Refresher(IRepository<PersonalizationProfile> profiles = null) =>
        new(new EmailActivityReader(Repository<PersonalizationEvent>(), Repository<PersonalizationEmailSend>()), Repository<PersonalizationErasure>(), _logger, Repository<PersonalizationPrediction>(), profiles ?? Repository<PersonalizationProfile>(),
            RoleSyncParts.WithoutShopTables(Repository<PersonalizationSegment>(), Repository<PersonalizationProfile>()), new SegmentStore(Repository<PersonalizationSegment>()), _settings.Service);

    private static Interaction Buy(int customer, int product, int day, int store = 1) =>
        new(store, customer, product, InteractionType.Purchase, _day0.AddDays(day).AddHours(9), 1, 5m, store * 100_000 + customer * 1000 + day);

    /// <summary>Customers 1-5 re-buy product 1 every 30 days, last on day 80: each is due about day 110.</summary>
    private static List<Interaction> Rebuyers(int store = 1)
    {
        var events = new List<Interaction>();
        for (var customer = 1; customer <= 5; customer++)
            events.AddRange([Buy(customer, 1, 20, store), Buy(customer, 1, 50, store), Buy(customer, 1, 80, store)]);
        return events;
    }

    private async Task<PersonalizationSegment> AddSegmentAsync(string name, string rule, bool enabled = true)
    {
        var segment = new PersonalizationSegment { Name = name, RuleDefinition = rule, Enabled = enabled, DisplayOrder = 0 };
        await Repository<PersonalizationSegment>().InsertAsync(segment, publishEvent: false);
        return segment;
    }

    [Test]
    public async Task ARefreshStoresProfilesWithTheirSegmentsAndThePredictionsDueSoon()
    {
        var active = await AddSegmentAsync("Active", "lifecycle = active");
        var lapsed = await AddSegmentAsync("Lapsed", "lifecycle = lapsed");
        await AddSegmentAsync("Switched off", "orders >= 1", enabled: false);

        (await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now)).Should().BeTrue();

        var profiles = await Repository<PersonalizationProfile>().GetAllAsync(query => query.OrderBy(profile => profile.CustomerId));
        profiles.Select(profile => (profile.CustomerId, profile.StoreId, profile.Orders, profile.TotalSpent, profile.MedianGapDays, profile.LifecycleStage, profile.SegmentIds))
            .Should().Equal(Enumerable.Range(1, 5).Select(customer => (customer, 1, 3, 15m, (decimal?)30m, (int)LifecycleStage.Active, active.Id.ToString(CultureInfo.InvariantCulture))));
        profiles.Should().OnlyContain(profile => profile.LastComputedOnUtc == _now && profile.LastOrderOnUtc == _day0.AddDays(80).AddHours(9) && profile.Affinities.StartsWith("c10:"));
        var predictions = await Repository<PersonalizationPrediction>().GetAllAsync(query => query.OrderBy(prediction => prediction.CustomerId));
        predictions.Select(prediction => (prediction.CustomerId, prediction.ProductId, prediction.Kind, prediction.DueOnUtc.Date, prediction.EmailedOnUtc))
            .Should().Equal(Enumerable.Range(1, 5).Select(customer => (customer, 1, (int)PredictionKind.Replenishment, _day0.AddDays(110), (DateTime?)null)));
        predictions.Should().OnlyContain(prediction => prediction.Score > 0 && prediction.Score <= 1);

        var state = _settings.Load<PersonalizationInsightsState>();
        (state.RefreshedOnUtc, state.NextRefreshOnUtc, state.Profiles, state.Predictions)
            .Should().Be((_now, _now + CustomerInsightsRefresher.RefreshInterval, 5, 5));
        state.Problem.Should().BeNullOrEmpty();
        state.PriceBandBounds.Should().Be("5", "the two products at 5 and 50 cut into 'up to 5' and 'over 5'");
        state.SegmentSizes.Split('\n').Should().Equal(
            $"1|{active.Id}|Active|5|Only 5 customers match (fewer than 50); too small to measure or to be worth a placement.",
            $"1|{lapsed.Id}|Lapsed|0|Only 0 customers match (fewer than 50); too small to measure or to be worth a placement.");
    }

    [Test]
    public async Task ARefreshWithTheStoresModelStoresTimedComplementsBesideTheReorders()
    {
        //customers 11-13 bought product 2 five days after product 1; customer 20 bought product 1 five days ago (the
        //re-buyers' product 1 of twenty days ago is past its window)
        var events = Rebuyers();
        foreach (var customer in new[] { 11, 12, 13 })
            events.AddRange([Buy(customer, 1, 30), Buy(customer, 2, 35)]);
        events.Add(Buy(20, 1, 95));
        var options = new TrainingOptions { StoreId = 1, Sequential = new NeighbourOptions { Measure = SimilarityMeasure.Conditional, MinSupport = 2 } };
        var model = EngineTrainer.Train(events, _products, options, _now);

        await Refresher().RefreshIfDueAsync(events, _products, _now, models: new Dictionary<int, ModelSnapshot> { [1] = model });

        var complement = (await Repository<PersonalizationPrediction>().GetAllAsync(query => query.Where(prediction => prediction.Kind == (int)PredictionKind.Complement)))
            .Should().ContainSingle().Subject;
        (complement.CustomerId, complement.StoreId, complement.ProductId, complement.AnchorProductId, complement.AnchorOnUtc)
            .Should().Be((20, 1, 2, 1, (DateTime?)_day0.AddDays(95).AddHours(9)));
        //median lag 5 days: a 10-day window from the anchor
        complement.DueOnUtc.Should().Be(_day0.AddDays(105).AddHours(9));
        complement.Score.Should().BeGreaterThan(0);
        (await Repository<PersonalizationPrediction>().GetAllAsync(query => query.Where(prediction => prediction.Kind == (int)PredictionKind.Replenishment)))
            .Should().HaveCount(5, "the re-orders are stored as before");
        _settings.Load<PersonalizationInsightsState>().Complements.Should().Be(1);

        //the next run replaces them: customer 20 bought product 2 meanwhile
        events.Add(Buy(20, 2, 101));
        await Refresher().RefreshIfDueAsync(events, _products, _now.AddDays(2), force: true, models: new Dictionary<int, ModelSnapshot> { [1] = model });

        (await Repository<PersonalizationPrediction>().GetAllAsync(query => query.Where(prediction => prediction.Kind == (int)PredictionKind.Complement))).Should().BeEmpty();
    }

    [Test]
    public async Task ACustomerForgottenWhileTheRunWorkedGetsNoRowsBack()
    {
        var erasures = Repository<PersonalizationErasure>();
        //customer 3 was erased after the run read its events, customer 2 long before (its events are in the input only
        //to show that an old erasure is not what removes rows)
        await erasures.InsertAsync(new List<PersonalizationErasure>
        {
            new() { CustomerId = 3, ErasedOnUtc = _now.AddMinutes(1) },
            new() { CustomerId = 2, ErasedOnUtc = _now.AddDays(-1) }
        }, publishEvent: false);
        try
        {
            await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);

            (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Select(profile => profile.CustomerId)
                .Should().BeEquivalentTo([1, 2, 4, 5]);
            (await Repository<PersonalizationPrediction>().GetAllAsync(query => query)).Select(prediction => prediction.CustomerId)
                .Should().BeEquivalentTo([1, 2, 4, 5]);
        }
        finally
        {
            await erasures.DeleteAsync(_ => true);
        }
    }

    [Test]
    public async Task ALaterRefreshReplacesTheRowsDropsStoresWithoutActivityAndKeepsTheEmailedMark()
    {
        await Refresher().RefreshIfDueAsync(Rebuyers(store: 1).Concat(Rebuyers(store: 2)).ToList(), _products, _now);
        var predictions = Repository<PersonalizationPrediction>();
        var emailed = (await predictions.GetAllAsync(query => query.Where(p => p.StoreId == 1 && p.CustomerId == 1))).Single();
        emailed.EmailedOnUtc = _now;
        await predictions.UpdateAsync(emailed, publishEvent: false);

        //a day later customer 2 re-bought (a new due date); store 2 had no activity in the window
        var later = _now.AddDays(1);
        var events = Rebuyers(store: 1);
        events.Add(Buy(2, 1, 100));
        await Refresher().RefreshIfDueAsync(events, _products, later);

        var profiles = await Repository<PersonalizationProfile>().GetAllAsync(query => query);
        profiles.Should().HaveCount(5).And.OnlyContain(profile => profile.StoreId == 1 && profile.LastComputedOnUtc == later);
        var stored = await predictions.GetAllAsync(query => query.OrderBy(p => p.CustomerId));
        stored.Should().OnlyContain(p => p.StoreId == 1);
        stored.Select(p => (p.CustomerId, p.EmailedOnUtc)).Should().Equal((1, (DateTime?)_now), (2, null), (3, null), (4, null), (5, null));
        stored.Single(p => p.CustomerId == 2).DueOnUtc.Should().BeAfter(stored.Single(p => p.CustomerId == 1).DueOnUtc);
    }

    [Test]
    public async Task BackInStockOffersAreNotTrainingsToReplaceAndSurviveARefreshOfTheirStoreOrOfAnother()
    {
        var predictions = Repository<PersonalizationPrediction>();
        //store 2 has no activity in the window, store 1 has
        foreach (var store in new[] { 1, 2 })
            await predictions.InsertAsync(new PersonalizationPrediction
            {
                CustomerId = 7, StoreId = store, ProductId = 2, Kind = (int)PredictionKind.BackInStock, DueOnUtc = _now.AddDays(10), Score = 1m
            }, publishEvent: false);

        await Refresher().RefreshIfDueAsync(Rebuyers(store: 1), _products, _now);

        (await predictions.GetAllAsync(query => query.Where(p => p.Kind == (int)PredictionKind.BackInStock).OrderBy(p => p.StoreId)))
            .Select(p => (p.CustomerId, p.StoreId, p.ProductId)).Should().Equal((7, 1, 2), (7, 2, 2));
        (await predictions.GetAllAsync(query => query.Where(p => p.Kind == (int)PredictionKind.Replenishment))).Should().HaveCount(5);
    }

    [Test]
    public async Task APredictionStoredTwiceByOverlappingRunsDoesNotStopTheRefresh()
    {
        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);
        var predictions = Repository<PersonalizationPrediction>();
        var first = (await predictions.GetAllAsync(query => query.Where(p => p.CustomerId == 1))).Single();
        first.EmailedOnUtc = _now;
        await predictions.UpdateAsync(first, publishEvent: false);
        await predictions.InsertAsync(new PersonalizationPrediction
        {
            CustomerId = 1, StoreId = 1, ProductId = 1, Kind = first.Kind, DueOnUtc = first.DueOnUtc, Score = first.Score, EmailedOnUtc = _now.AddHours(1)
        }, publishEvent: false);

        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now.AddDays(1));

        _settings.Load<PersonalizationInsightsState>().Problem.Should().BeNullOrEmpty();
        var kept = (await predictions.GetAllAsync(query => query.Where(p => p.CustomerId == 1))).Should().ContainSingle().Subject;
        kept.EmailedOnUtc.Should().NotBeNull();
    }

    [Test]
    public async Task ManySegmentsKeepTheStoredSizesWithinNopCommercesSettingLength()
    {
        for (var i = 0; i < 80; i++)
            await AddSegmentAsync($"Segment number {i} with a long enough name to count", "orders >= 1");

        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);

        var sizes = _settings.Load<PersonalizationInsightsState>().SegmentSizes;
        sizes.Length.Should().BeLessThanOrEqualTo(CustomerInsightsRefresher.SETTING_VALUE_LENGTH);
        sizes.Split('\n').Should().HaveCountLessThan(80).And.OnlyContain(line => line.Split('|', StringSplitOptions.None).Length == 5, "only whole lines are kept");
    }

    [TestCase("a\nbb\nccc", 6, "a\nbb")]
    [TestCase("a\nbb", 4, "a\nbb")]
    [TestCase("abcdef", 3, "abc")]
    [TestCase(null, 3, null)]
    public void StoredTextKeepsWholeLinesWithinTheLength(string text, int length, string expected)
    {
        CustomerInsightsRefresher.WholeLinesWithin(text, length).Should().Be(expected);
    }

    [Test]
    public async Task WhenNoStoreHadActivityInTheWindowEveryStoredRowGoes()
    {
        await Refresher().RefreshIfDueAsync(Rebuyers(store: 1).Concat(Rebuyers(store: 2)).ToList(), _products, _now);

        await Refresher().RefreshIfDueAsync([], _products, _now.AddDays(1));

        (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().BeEmpty();
        (await Repository<PersonalizationPrediction>().GetAllAsync(query => query)).Should().BeEmpty();
        _settings.Load<PersonalizationInsightsState>().Profiles.Should().Be(0);
    }

    [Test]
    public async Task ASegmentSavedWhileARunWorksIsRecountedByTheNextRun()
    {
        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);
        var later = _now.AddDays(1);
        //the admin saves a segment while the next run is storing profiles
        var profiles = new Mock<IRepository<PersonalizationProfile>>();
        profiles.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<PersonalizationProfile, bool>>>()))
            .Callback(() => new InsightsSchedule(_settings.Service).RefreshAtNextTrainingAsync().GetAwaiter().GetResult())
            .ReturnsAsync(0);

        await Refresher(profiles.Object).RefreshIfDueAsync(Rebuyers(), _products, later);

        var state = _settings.Load<PersonalizationInsightsState>();
        state.RefreshedOnUtc.Should().Be(later);
        state.NextRefreshOnUtc.Should().BeNull("the change asked for a recount at the next run");
    }

    [Test]
    public async Task WithinADayNothingIsRefreshedUnlessForced()
    {
        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);
        await Repository<PersonalizationProfile>().TruncateAsync();

        (await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now.AddHours(23))).Should().BeFalse();
        (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().BeEmpty();

        (await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now.AddHours(23), force: true)).Should().BeTrue();
        (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().HaveCount(5);
    }

    [Test]
    public async Task ASegmentWhoseRuleDoesNotParseIsSkippedAndNamed()
    {
        var good = await AddSegmentAsync("Good", "orders >= 1");
        await AddSegmentAsync("Broken", "orders >>= one");

        await Refresher().RefreshIfDueAsync(Rebuyers(), _products, _now);

        (await Repository<PersonalizationProfile>().GetAllAsync(query => query)).Should().OnlyContain(profile => profile.SegmentIds == good.Id.ToString(CultureInfo.InvariantCulture));
        _settings.Load<PersonalizationInsightsState>().Problem.Should().Contain("Broken").And.NotContain("Good");
    }

    [Test]
    public async Task AFailingDatabaseIsLoggedRememberedAndRetriedWithinTheHour()
    {
        var failing = new Mock<IRepository<PersonalizationProfile>>();
        failing.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<PersonalizationProfile, bool>>>())).ThrowsAsync(new InvalidOperationException("database is down"));

        (await Refresher(failing.Object).RefreshIfDueAsync(Rebuyers(), _products, _now)).Should().BeTrue();

        var state = _settings.Load<PersonalizationInsightsState>();
        (state.NextRefreshOnUtc, state.RefreshedOnUtc).Should().Be((_now + CustomerInsightsRefresher.RetryInterval, (DateTime?)null));
        state.Problem.Should().Contain("database is down");
        _logger.Errors.Should().ContainSingle().Which.Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Test]
    public async Task BuiltInSegmentsAreAddedOnlyToAShopWithoutSegments()
    {
        var store = new SegmentStore(Repository<PersonalizationSegment>());

        (await store.InsertBuiltInSegmentsAsync()).Should().Be(BuiltInSegments.All.Count);
        (await store.InsertBuiltInSegmentsAsync()).Should().Be(0);

        var (segments, invalid) = await store.LoadEnabledAsync();
        segments.Select(segment => segment.Name).Should().Equal(BuiltInSegments.All.Select(template => template.Name));
        invalid.Should().BeEmpty();
    }
}
