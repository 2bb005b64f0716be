using System.Globalization;
using System.Text.Json;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Privacy;

/// <summary>
/// The export of one customer's data on PostgreSQL, parsed back: header, every event with names, profiles per store
/// with named affinities and segments, predictions and the last reminder; nothing of another customer.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class CustomerDataExportDatabaseTests : MigratedDatabaseTest
{
    private const int CUSTOMER = 7;
    private static readonly DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private DataOptions _options;
    private ServiceProvider _node;

    public CustomerDataExportDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _options = await PrivacyServices.CreateShopTablesAsync(Database);
        _node = PrivacyServices.Node(_options, new FakeTimeProvider(_now), new ErasureOptions());

        await Shop<Store>().InsertAsync(new Store { Name = "Main shop", Url = "https://main.example" });
        await Shop<Store>().InsertAsync(new Store { Name = "Outlet", Url = "https://outlet.example" });
        for (var id = 1; id <= 3; id++)
            await Shop<Product>().InsertAsync(new Product { Name = $"Product {id}", CreatedOnUtc = _now.UtcDateTime, UpdatedOnUtc = _now.UtcDateTime });
        await Shop<Category>().InsertAsync(new Category { Name = "Shoes" });
        await Shop<Manufacturer>().InsertAsync(new Manufacturer { Name = "Acme" });
        var loyal = new PersonalizationSegment { Name = "Loyal", RuleDefinition = "frequency >= 4", Enabled = true };
        await Shop<PersonalizationSegment>().InsertAsync(loyal);

        //more events than one page holds, so paging is exercised
        var events = new List<PersonalizationEvent>();
        for (var i = 0; i < CustomerDataExport.EVENT_PAGE_SIZE + 3; i++)
            events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = CUSTOMER, EventType = (int)InteractionType.View, ProductId = 1, CreatedOnUtc = _now.UtcDateTime.AddMinutes(-i - 10) });
        events.Add(new PersonalizationEvent { StoreId = 2, CustomerId = CUSTOMER, EventType = (int)InteractionType.Search, Query = "red shoes", CreatedOnUtc = _now.UtcDateTime.AddMinutes(-3) });
        events.Add(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = CUSTOMER, EventType = (int)InteractionType.Purchase, ProductId = 2, Quantity = 2, Value = 24.5m, OrderId = 42,
            CreatedOnUtc = _now.UtcDateTime.AddMinutes(-2)
        });
        events.Add(new PersonalizationEvent
        {
            StoreId = 1, CustomerId = CUSTOMER, EventType = (int)InteractionType.RecommendationClick, ProductId = 3, Placement = "17", CreatedOnUtc = _now.UtcDateTime.AddMinutes(-1)
        });
        events.Add(new PersonalizationEvent { StoreId = 1, CustomerId = 8, EventType = (int)InteractionType.View, ProductId = 3, CreatedOnUtc = _now.UtcDateTime });
        await Shop<PersonalizationEvent>().InsertAsync(events);

        await Shop<PersonalizationProfile>().InsertAsync(new PersonalizationProfile
        {
            CustomerId = CUSTOMER, StoreId = 1, SegmentIds = loyal.Id.ToString(CultureInfo.InvariantCulture), Recency = 5, Frequency = 4, Monetary = 3,
            LifecycleStage = 2, Affinities = "c1:0.75;m1:0.5;p3:0.25", Orders = 3, TotalSpent = 99.5m, LastOrderOnUtc = _now.UtcDateTime.AddDays(-2),
            MedianGapDays = 30.5m, LastComputedOnUtc = _now.UtcDateTime.AddHours(-1), ProbabilityAlive = 0.8125m, ExpectedPurchases90Days = 3.5m
        });
        await Shop<PersonalizationProfile>().InsertAsync(new PersonalizationProfile { CustomerId = 8, StoreId = 1, LastComputedOnUtc = _now.UtcDateTime });
        await Shop<PersonalizationPrediction>().InsertAsync(new PersonalizationPrediction
        {
            CustomerId = CUSTOMER, StoreId = 1, ProductId = 2, Kind = (int)PredictionKind.Replenishment, DueOnUtc = _now.UtcDateTime.AddDays(5), Score = 0.8m,
            EmailedOnUtc = _now.UtcDateTime.AddDays(-1)
        });
        await Shop<GenericAttribute>().InsertAsync(new GenericAttribute
        {
            EntityId = CUSTOMER, KeyGroup = nameof(Customer), Key = ReplenishmentEmailService.LAST_REMINDER_ATTRIBUTE,
            Value = _now.UtcDateTime.AddDays(-1).ToString("O", CultureInfo.InvariantCulture)
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_node != null)
            await _node.DisposeAsync();
    }

    [Test]
    public async Task TheExportHoldsEverythingThePluginKnowsOfTheCustomerWithNames()
    {
        using var document = await ExportAsync(CUSTOMER);
        var root = document.RootElement;

        root.GetProperty("about").GetProperty("customerId").GetInt32().Should().Be(CUSTOMER);
        root.GetProperty("about").GetProperty("what").GetString().Should().Contain("personalization");
        root.GetProperty("about").GetProperty("exportedOnUtc").GetDateTime().Should().Be(_now.UtcDateTime);
        root.GetProperty("reminders").GetProperty("lastReminderSentOnUtc").GetDateTime().Should().Be(_now.UtcDateTime.AddDays(-1));

        var events = root.GetProperty("events").EnumerateArray().ToList();
        events.Should().HaveCount(CustomerDataExport.EVENT_PAGE_SIZE + 6, "every event of the customer, over two pages, and none of another");
        events.Count(e => e.GetProperty("type").GetString() == "View" && e.GetProperty("productName").GetString() == "Product 1")
            .Should().Be(CustomerDataExport.EVENT_PAGE_SIZE + 3);
        var search = events.Single(e => e.GetProperty("type").GetString() == "Search");
        search.GetProperty("query").GetString().Should().Be("red shoes");
        search.GetProperty("storeName").GetString().Should().Be("Outlet");
        var purchase = events.Single(e => e.GetProperty("type").GetString() == "Purchase");
        purchase.GetProperty("productName").GetString().Should().Be("Product 2");
        purchase.GetProperty("quantity").GetInt32().Should().Be(2);
        purchase.GetProperty("value").GetDecimal().Should().Be(24.5m);
        purchase.GetProperty("orderId").GetInt32().Should().Be(42);
        purchase.GetProperty("createdOnUtc").GetDateTime().Should().Be(_now.UtcDateTime.AddMinutes(-2));
        events.Single(e => e.GetProperty("type").GetString() == "RecommendationClick").GetProperty("placement").GetString().Should().Be("17");

        var profile = root.GetProperty("profiles").EnumerateArray().Should().ContainSingle().Subject;
        profile.GetProperty("storeName").GetString().Should().Be("Main shop");
        profile.GetProperty("frequency").GetInt32().Should().Be(4);
        profile.GetProperty("totalSpent").GetDecimal().Should().Be(99.5m);
        profile.GetProperty("medianDaysBetweenOrders").GetDecimal().Should().Be(30.5m);
        profile.GetProperty("probabilityStillACustomer").GetDecimal().Should().Be(0.8125m);
        profile.GetProperty("expectedPurchasesNext90Days").GetDecimal().Should().Be(3.5m);
        profile.GetProperty("segments").EnumerateArray().Select(s => s.GetString()).Should().Equal("Loyal");
        var affinities = profile.GetProperty("affinities").EnumerateArray().ToList();
        affinities.Select(a => a.GetProperty("name").GetString()).Should().Contain(["Shoes", "Acme"]);
        affinities.Single(a => a.GetProperty("name").GetString() == "Shoes").GetProperty("score").GetDouble().Should().Be(0.75);

        var prediction = root.GetProperty("predictions").EnumerateArray().Should().ContainSingle().Subject;
        prediction.GetProperty("productName").GetString().Should().Be("Product 2");
        prediction.GetProperty("emailedOnUtc").GetDateTime().Should().Be(_now.UtcDateTime.AddDays(-1));
    }

    [Test]
    public async Task ACustomerThePluginKnowsNothingOfGetsAnEmptyButCompleteDocument()
    {
        using var document = await ExportAsync(999);
        var root = document.RootElement;

        root.GetProperty("events").GetArrayLength().Should().Be(0);
        root.GetProperty("profiles").GetArrayLength().Should().Be(0);
        root.GetProperty("predictions").GetArrayLength().Should().Be(0);
        root.GetProperty("reminders").GetProperty("lastReminderSentOnUtc").ValueKind.Should().Be(JsonValueKind.Null);
        CustomerDataExport.FileName(999).Should().Be("personalization-customer-999.json");
    }

    private async Task<JsonDocument> ExportAsync(int customerId)
    {
        using var scope = _node.CreateScope();
        var bytes = await scope.ServiceProvider.GetRequiredService<CustomerDataExport>().ExportAsync(customerId);
        return JsonDocument.Parse(bytes);
    }

    private IRepository<TEntity> Shop<TEntity>() where TEntity : BaseEntity => new LinqToDbRepository<TEntity>(_options);
}
