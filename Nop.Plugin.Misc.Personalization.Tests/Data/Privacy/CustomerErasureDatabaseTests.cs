using System.Globalization;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Capture;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Recommendations;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Services.Segments;
using Nop.Plugin.Misc.Personalization.Services.Targeting;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Privacy;

/// <summary>
/// Erasing a customer on PostgreSQL: every customer-keyed plugin table, the plugin's customer attributes, this node's
/// memory and, through the erasure log, another node's memory; then the daily sweep for customers nopCommerce removed
/// without an event, and a training run afterwards.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class CustomerErasureDatabaseTests : MigratedDatabaseTest
{
    private const int STORE = 1;
    private const int OTHER_STORE = 2;
    private static readonly DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private DataOptions _options;
    private FakeTimeProvider _time;
    private ServiceProvider _node;
    private ServiceProvider _otherNode;

    public CustomerErasureDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTablesAsync()
    {
        _options = await PrivacyServices.CreateShopTablesAsync(Database);
    }

    [SetUp]
    public async Task StartNodesAsync()
    {
        foreach (var truncate in new Func<DataOptions, Task>[]
                 {
                     PrivacyServices.TruncateAsync<PersonalizationEvent>, PrivacyServices.TruncateAsync<PersonalizationProfile>,
                     PrivacyServices.TruncateAsync<PersonalizationPrediction>, PrivacyServices.TruncateAsync<PersonalizationErasure>,
                     PrivacyServices.TruncateAsync<PersonalizationSegment>, PrivacyServices.TruncateAsync<PersonalizationModelSnapshot>,
                     PrivacyServices.TruncateAsync<Customer>, PrivacyServices.TruncateAsync<GenericAttribute>,
                     PrivacyServices.TruncateAsync<Product>, PrivacyServices.TruncateAsync<ProductCategory>,
                     PrivacyServices.TruncateAsync<PersonalizationRoleMapping>, PrivacyServices.TruncateAsync<CustomerCustomerRoleMapping>,
                     PrivacyServices.TruncateAsync<PersonalizationCartReminder>, PrivacyServices.TruncateAsync<PersonalizationEmailSend>
                 })
            await truncate(_options);

        _time = new FakeTimeProvider(_now);
        _node = PrivacyServices.Node(_options, _time, new ErasureOptions { BatchSize = 5, SweepCustomers = 2 });
        _otherNode = PrivacyServices.Node(_options, _time);
    }

    [TearDown]
    public async Task StopNodesAsync()
    {
        await _node.DisposeAsync();
        await _otherNode.DisposeAsync();
    }

    [Test]
    public async Task ErasingDeletesTheCustomersRowsInEveryCustomerKeyedTableAndTheirReminderMarkAndNothingElse()
    {
        await SeedCustomerDataAsync(7, events: 12);
        await SeedCustomerDataAsync(8, events: 3);

        var counts = await EraseAsync(7);

        counts.Should().Be(new ErasureCounts(Events: 12, Profiles: 2, Predictions: 3, Attributes: 1, RoleMappings: 1), "events are deleted in batches of 5 until none is left");
        foreach (var entity in CustomerKeyedData.Erased)
        {
            (await RowsAsync(entity, 7)).Should().Be(0, "no {0} row references the erased customer", entity.Name);
            (await RowsAsync(entity, 8)).Should().BePositive("{0} rows of other customers stay", entity.Name);
        }

        var attributes = await Shop<GenericAttribute>().GetAllAsync(query => query);
        attributes.Should().NotContain(a => a.EntityId == 7 && a.Key == ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE);
        attributes.Should().Contain(a => a.EntityId == 7 && a.Key == "FirstName", "nopCommerce's own attributes are nopCommerce's to erase");
        attributes.Should().Contain(a => a.EntityId == 8 && a.Key == ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE);
        (await Shop<PersonalizationErasure>().GetAllAsync(query => query)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { CustomerId = 7, ErasedOnUtc = _now.UtcDateTime });
    }

    [Test]
    public async Task ErasingRemovesTheRoleMembershipsTheSyncAddedAndKeepsTheOnesAnAdminAdded()
    {
        const int syncedRole = 31;
        const int handPickedRole = 32;
        await Shop<CustomerCustomerRoleMapping>().InsertAsync(new List<CustomerCustomerRoleMapping>
        {
            new() { CustomerId = 7, CustomerRoleId = syncedRole },
            new() { CustomerId = 7, CustomerRoleId = handPickedRole },
            new() { CustomerId = 8, CustomerRoleId = syncedRole }
        });
        await Shop<PersonalizationRoleMapping>().InsertAsync(new List<PersonalizationRoleMapping>
        {
            new() { SegmentId = 3, CustomerRoleId = syncedRole, CustomerId = 7, AddedOnUtc = _now.UtcDateTime.AddDays(-1) },
            new() { SegmentId = 3, CustomerRoleId = syncedRole, CustomerId = 8, AddedOnUtc = _now.UtcDateTime.AddDays(-1) }
        });

        var counts = await EraseAsync(7);

        counts.RoleMappings.Should().Be(1);
        var mappings = await Shop<CustomerCustomerRoleMapping>().GetAllAsync(query => query);
        mappings.Select(mapping => (mapping.CustomerId, mapping.CustomerRoleId)).Should().BeEquivalentTo(new[]
        {
            (7, handPickedRole), (8, syncedRole)
        }, "the sync's own addition goes with the customer; an admin's pick and other customers' roles stay");
        (await Shop<PersonalizationRoleMapping>().GetAllAsync(query => query)).Should().ContainSingle().Which.CustomerId.Should().Be(8);
    }

    [Test]
    public async Task ErasingMakesThisNodeForgetTheCustomerAtOnceAndAnotherNodeAtItsNextPoll()
    {
        await SeedCustomerDataAsync(7, events: 4);
        await SeedCustomerDataAsync(8, events: 4);
        (await _otherNode.GetRequiredService<ErasurePoller>().PollAsync()).Should().Be(0, "nothing was erased yet");
        foreach (var node in new[] { _node, _otherNode })
        {
            (await node.GetRequiredService<SegmentMembershipRefresher>().RefreshAsync()).Should().BeTrue();
            foreach (var customer in new[] { 7, 8 })
            {
                node.GetRequiredService<ILiveActivity>().Record(new Interaction(STORE, customer, 3, InteractionType.View, _now.UtcDateTime));
                node.GetRequiredService<ICustomerHistory>().Store(OTHER_STORE, customer, [new Interaction(OTHER_STORE, customer, 4, InteractionType.Purchase, _now.UtcDateTime)]);
                Remembers(node, customer).Should().BeTrue("node state was filled for customer {0}", customer);
            }
        }

        await EraseAsync(7);

        Remembers(_node, 7).Should().BeFalse("the erasing node forgets at once");
        Remembers(_otherNode, 7).Should().BeTrue("the other node has not polled yet");

        (await _otherNode.GetRequiredService<ErasurePoller>().PollAsync()).Should().Be(1);

        Remembers(_otherNode, 7).Should().BeFalse("the other node forgets at its poll");
        Remembers(_node, 8).Should().BeTrue();
        Remembers(_otherNode, 8).Should().BeTrue();
        (await _otherNode.GetRequiredService<ErasurePoller>().PollAsync()).Should().Be(0, "a poll reads only rows newer than the last seen");
    }

    [Test]
    public async Task EventsQueuedBeforeTheErasureAreNotWrittenBackWhileLaterOnesAre()
    {
        await SeedCustomerDataAsync(7, events: 2);
        var queuedBefore = Event(7, InteractionType.View, _now.UtcDateTime.AddSeconds(-5));
        var otherCustomer = Event(8, InteractionType.View, _now.UtcDateTime.AddSeconds(-5));

        await EraseAsync(7);
        (await _otherNode.GetRequiredService<ErasurePoller>().PollAsync()).Should().Be(1);
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterwards = Event(7, InteractionType.View, _time.GetUtcNow().UtcDateTime);

        foreach (var node in new[] { _node, _otherNode })
        {
            using var scope = node.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IEventStore>().InsertAsync([Copy(queuedBefore), Copy(otherCustomer), Copy(afterwards)]);
        }

        var stored = await Shop<PersonalizationEvent>().GetAllAsync(query => query);
        stored.Should().HaveCount(4);
        stored.Where(e => e.CustomerId == 7).Should().OnlyContain(e => e.CreatedOnUtc > _now.UtcDateTime,
            "only what the customer did after the erasure is kept");
    }

    [Test]
    public async Task TheSweepDeletesRowsOfCustomersThatAreGoneOrDeletedAndKeepsLivingAndAnonymousOnes()
    {
        var living = await InsertCustomerAsync(deleted: false);
        var deleted = await InsertCustomerAsync(deleted: true);
        var goneIds = new[] { 900, 901, 902, 903 };
        foreach (var customer in new[] { living, deleted }.Concat(goneIds))
            await SeedCustomerDataAsync(customer, events: 6);
        await Shop<PersonalizationEvent>().InsertAsync(Event(0, InteractionType.View, _now.UtcDateTime));

        //an erasure four days ago (its log row is past keeping) and one ten hours ago, with an event from before it that a
        //node's queue wrote late; the living customer's seeded events are newer than that erasure
        await Shop<PersonalizationErasure>().InsertAsync(new PersonalizationErasure { CustomerId = 555, ErasedOnUtc = _now.UtcDateTime.AddDays(-4) });
        await Shop<PersonalizationErasure>().InsertAsync(new PersonalizationErasure { CustomerId = living, ErasedOnUtc = _now.UtcDateTime.AddHours(-10) });
        await Shop<PersonalizationEvent>().InsertAsync(Event(living, InteractionType.Search, _now.UtcDateTime.AddHours(-10).AddSeconds(-1)));

        ErasureCounts counts;
        using (var scope = _node.CreateScope())
            counts = await scope.ServiceProvider.GetRequiredService<ErasureSweep>().SweepAsync();

        counts.Should().Be(new ErasureCounts(Events: 5 * 6 + 1, Profiles: 5 * 2, Predictions: 5 * 3, Attributes: 5, RoleMappings: 5),
            "five customers are gone or deleted, in rounds of two customers; one event was written late");
        foreach (var entity in CustomerKeyedData.Erased)
        {
            foreach (var customer in goneIds.Append(deleted))
                (await RowsAsync(entity, customer)).Should().Be(0, "customer {0} is gone or deleted", customer);
            (await RowsAsync(entity, living)).Should().BePositive("the living customer keeps their {0} rows", entity.Name);
        }

        (await RowsAsync(typeof(PersonalizationEvent), 0)).Should().Be(1, "anonymous events are nobody's");
        (await Shop<PersonalizationEvent>().GetAllAsync(query => query.Where(e => e.CustomerId == living))).Should().HaveCount(6);
        var attributes = await Shop<GenericAttribute>().GetAllAsync(query => query.Where(a => a.Key == ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE));
        attributes.Select(a => a.EntityId).Should().Equal(living);
        (await Shop<PersonalizationErasure>().GetAllAsync(query => query)).Select(e => e.CustomerId).Should().Equal(living);
    }

    [Test]
    public async Task ModelsStillTrainAfterACustomerIsErasedAndTheSweepRan()
    {
        for (var id = 1; id <= 5; id++)
        {
            await Shop<Product>().InsertAsync(new Product
            {
                Name = $"Product {id}", Published = true, VisibleIndividually = true, Price = 10 * id,
                CreatedOnUtc = _now.UtcDateTime.AddYears(-1), UpdatedOnUtc = _now.UtcDateTime.AddYears(-1)
            });
            await Shop<ProductCategory>().InsertAsync(new ProductCategory { ProductId = id, CategoryId = 10 });
        }

        var customers = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var customer = await InsertCustomerAsync(deleted: false);
            customers.Add(customer);
            var products = i % 2 == 0 ? new[] { 1, 2 } : [3, 4];
            foreach (var product in products)
            {
                var purchase = Event(customer, InteractionType.Purchase, _now.UtcDateTime.AddDays(-i - 1));
                purchase.ProductId = product;
                purchase.OrderId = 100 + i;
                await Shop<PersonalizationEvent>().InsertAsync(purchase);
            }
        }

        using (var scope = _node.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SegmentStore>().InsertBuiltInSegmentsAsync();
            (await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainAsync()).Trained.Should().BeTrue();
        }

        (await RowsAsync(typeof(PersonalizationProfile), customers[0])).Should().BePositive("training profiled the customer");

        await EraseAsync(customers[0]);
        await Database.ExecuteAsync($"DELETE FROM {Database.Quote("Customer")} WHERE {Database.Quote("Id")} = {customers[1].ToString(CultureInfo.InvariantCulture)}");
        using (var scope = _node.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ErasureSweep>().SweepAsync();

        _time.Advance(TimeSpan.FromDays(8));
        TrainingResult result;
        using (var scope = _node.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainAsync();

        result.Trained.Should().BeTrue("the remaining history still trains: {0}", result.SkippedBecause ?? result.Failure?.Message);
        result.VersionByStore.Should().ContainKey(STORE);
        foreach (var entity in CustomerKeyedData.Erased)
        {
            (await RowsAsync(entity, customers[0])).Should().Be(0, "training did not bring back {0} rows of the erased customer", entity.Name);
            (await RowsAsync(entity, customers[1])).Should().Be(0, "training did not bring back {0} rows of the removed customer", entity.Name);
        }

        (await RowsAsync(typeof(PersonalizationProfile), customers[2])).Should().BePositive("the other customers are profiled");
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : Nop.Core.BaseEntity => new LinqToDbRepository<TEntity>(_options);

    private bool Remembers(IServiceProvider node, int customer) =>
        node.GetRequiredService<ILiveActivity>().Recent(STORE, customer).Count > 0
        || node.GetRequiredService<ICustomerHistory>().Get(OTHER_STORE, customer).Count > 0
        || node.GetRequiredService<ISegmentMembership>().SegmentsOf(STORE, customer).Count > 0;

    private async Task<ErasureCounts> EraseAsync(int customerId)
    {
        using var scope = _node.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerDataEraser>().EraseAsync(customerId);
    }

    private Task<long> RowsAsync(Type entity, int customerId) =>
        Database.ScalarAsync<long>($"SELECT COUNT(*) FROM {Database.Quote(PersonalizationTables.ByEntity[entity])} WHERE {Database.Quote("CustomerId")} = @c", ("c", customerId));

    private async Task<int> InsertCustomerAsync(bool deleted)
    {
        var customer = new Customer
        {
            CustomerGuid = Guid.NewGuid(), Active = !deleted, Deleted = deleted, CreatedOnUtc = _now.UtcDateTime, LastActivityDateUtc = _now.UtcDateTime
        };
        await Shop<Customer>().InsertAsync(customer);
        return customer.Id;
    }

    /// <summary>
    /// Events of every kind the capture writes (views, a search with its text, a purchase with its value), a profile in
    /// two stores in segments 1 and 2, three predictions, the reminder mark and one of nopCommerce's own attributes.
    /// </summary>
    private async Task SeedCustomerDataAsync(int customerId, int events)
    {
        var rows = new List<PersonalizationEvent>();
        for (var i = 0; i < events; i++)
        {
            var type = (i % 3) switch { 0 => InteractionType.View, 1 => InteractionType.Search, _ => InteractionType.Purchase };
            rows.Add(Event(customerId, type, _now.UtcDateTime.AddHours(-i - 2)));
        }

        await Shop<PersonalizationEvent>().InsertAsync(rows);
        foreach (var store in new[] { STORE, OTHER_STORE })
        {
            await Shop<PersonalizationProfile>().InsertAsync(new PersonalizationProfile
            {
                CustomerId = customerId, StoreId = store, SegmentIds = "1,2", Recency = 5, Frequency = 3, Monetary = 4, LifecycleStage = 2,
                Affinities = "c10:0.75", Orders = 2, TotalSpent = 99.5m, LastComputedOnUtc = _now.UtcDateTime.AddDays(-1)
            });
        }

        for (var product = 1; product <= 3; product++)
        {
            await Shop<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction
            {
                CustomerId = customerId, StoreId = STORE, ProductId = product, Kind = (int)PredictionKind.Replenishment,
                DueOnUtc = _now.UtcDateTime.AddDays(product), Score = 0.5m
            });
        }

        await Shop<GenericAttribute>().InsertAsync(new GenericAttribute
        {
            EntityId = customerId, KeyGroup = nameof(Customer), Key = ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE,
            Value = _now.UtcDateTime.AddDays(-3).ToString("O", CultureInfo.InvariantCulture)
        });
        await Shop<GenericAttribute>().InsertAsync(new GenericAttribute { EntityId = customerId, KeyGroup = nameof(Customer), Key = "FirstName", Value = "Ann" });
        await Shop<CustomerCustomerRoleMapping>().InsertAsync(new CustomerCustomerRoleMapping { CustomerId = customerId, CustomerRoleId = 40 });
        await Shop<PersonalizationRoleMapping>().InsertAsync(new PersonalizationRoleMapping
        {
            SegmentId = 4, CustomerRoleId = 40, CustomerId = customerId, AddedOnUtc = _now.UtcDateTime.AddDays(-2)
        });
        await Shop<PersonalizationCartReminder>().InsertAsync(new PersonalizationCartReminder
        {
            CustomerId = customerId, StoreId = STORE, Fingerprint = "0123456789abcdef", CartChangedOnUtc = _now.UtcDateTime.AddDays(-2),
            FirstSentOnUtc = _now.UtcDateTime.AddDays(-2)
        });
        await Shop<PersonalizationEmailSend>().InsertAsync(new PersonalizationEmailSend
        {
            CustomerId = customerId, StoreId = STORE, Kind = 2, SentOnUtc = _now.UtcDateTime.AddDays(-2)
        });
    }

    private static PersonalizationEvent Event(int customerId, InteractionType type, DateTime createdOnUtc) => new()
    {
        StoreId = STORE,
        CustomerId = customerId,
        EventType = (int)type,
        ProductId = type == InteractionType.Search ? 0 : 3,
        Quantity = type == InteractionType.Purchase ? 2 : 0,
        Value = type == InteractionType.Purchase ? 24.5m : 0,
        OrderId = type == InteractionType.Purchase ? 42 : 0,
        Query = type == InteractionType.Search ? "red running shoes" : null,
        CreatedOnUtc = createdOnUtc
    };

    private static PersonalizationEvent Copy(PersonalizationEvent e) => new()
    {
        StoreId = e.StoreId, CustomerId = e.CustomerId, EventType = e.EventType, ProductId = e.ProductId, Quantity = e.Quantity,
        Value = e.Value, OrderId = e.OrderId, Query = e.Query, CreatedOnUtc = e.CreatedOnUtc
    };
}
