using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Engagement;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Events;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Privacy;
using Nop.Plugin.Misc.Personalization.Tests.Backfill;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Messaging;

/// <summary>
/// The send log as the one record of e-mail sends, on PostgreSQL and MariaDB: shop-message sends reach it through the
/// writer, sends of version 0.9.0 recorded as events are moved into it once (each counted once, the cap still seeing
/// the old rows), the report's period counts and the insights run's 90-day read come from it, and old rows expire.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class EmailSendRecordDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _now = new(2026, 12, 8, 12, 0, 0, DateTimeKind.Utc);

    public EmailSendRecordDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public async Task TruncateAsync()
    {
        await Repository<PersonalizationEmailSend>().TruncateAsync();
        await Repository<PersonalizationEvent>().TruncateAsync();
    }

    private EmailSendLog Log() => new(Repository<PersonalizationEmailSend>());

    private static PersonalizationEvent Event(InteractionType type, int customerId, string placement, DateTime at, int storeId = 1, int productId = 0) => new()
    {
        StoreId = storeId,
        CustomerId = customerId,
        EventType = (int)type,
        ProductId = productId,
        Quantity = 1,
        Placement = placement,
        CreatedOnUtc = at
    };

    [Test]
    public async Task TheWriterPutsAShopMessagesSendInTheSendLogAndNotAmongTheEvents()
    {
        var store = new EventStore(new ErasedCustomers(), Repository<PersonalizationEvent>(), null, Repository<PersonalizationEmailSend>());

        await store.InsertAsync([
            Event(InteractionType.View, 7, null, _now, productId: 3),
            Event(InteractionType.EmailSent, 0, EmailPlacement.Of(EmailKind.ShopMessage, 777), _now, storeId: 2)
        ]);

        (await Repository<PersonalizationEvent>().GetAllAsync(query => query)).Select(e => (e.EventType, e.CustomerId))
            .Should().Equal(((int)InteractionType.View, 7));
        (await Repository<PersonalizationEmailSend>().GetAllAsync(query => query)).Select(send => (send.CustomerId, send.StoreId, send.Kind, send.SentOnUtc))
            .Should().Equal((0, 2, (int)EmailKind.ShopMessage, _now));
    }

    [Test]
    public async Task SendsOfVersion090AreMovedOnceSoTheReportCountsEachOnceAndTheCapStillSeesThem()
    {
        //0.9.0 wrote a reminder twice (log row with the customer, event without) and a shop message's send only as an event
        await Log().RecordAsync(5, 1, EmailKind.Replenishment, _now.AddHours(-2));
        await Repository<PersonalizationEvent>().InsertAsync([
            Event(InteractionType.EmailSent, 0, EmailPlacement.Sent(EmailKind.Replenishment), _now.AddHours(-2)),
            Event(InteractionType.EmailSent, 0, EmailPlacement.Of(EmailKind.ShopMessage, 555), _now.AddDays(-1)),
            Event(InteractionType.EmailOpen, 5, EmailPlacement.Of(EmailKind.Replenishment, 42), _now.AddHours(-1))
        ], publishEvent: false);
        var settings = new InMemorySettings().Handle<PersonalizationEmailSendState>().Handle<PersonalizationSettings>();
        var housekeeping = new EmailSendHousekeeping(Repository<PersonalizationEvent>(), new RetentionOptions { BatchSize = 1 },
            Repository<PersonalizationEmailSend>(), settings.Service, new FakeTimeProvider(_now));

        (await housekeeping.ConvertLegacySendsAsync()).Should().Be(2);
        (await housekeeping.ConvertLegacySendsAsync()).Should().Be(0, "once done, never again");

        settings.Load<PersonalizationEmailSendState>().LegacySendsConverted.Should().BeTrue();
        (await Repository<PersonalizationEvent>().GetAllAsync(query => query)).Select(e => e.EventType)
            .Should().Equal((int)InteractionType.EmailOpen);
        (await Log().CountByKindAsync(0, _now.AddDays(-30), _now)).Should().BeEquivalentTo(new Dictionary<EmailKind, int>
        {
            [EmailKind.Replenishment] = 1,
            [EmailKind.ShopMessage] = 1
        });
        (await Log().LastSentAsync([5], _now.AddHours(-24))).Should().ContainKey(5, "the frequency cap still holds the customer back");
    }

    [Test]
    public async Task TheReportsCountsFollowThePeriodAndTheStore()
    {
        await Log().RecordAsync(1, 1, EmailKind.Replenishment, _now.AddDays(-3));
        await Log().RecordAsync(2, 1, EmailKind.AbandonedCart, _now.AddDays(-3));
        await Log().RecordAsync(3, 2, EmailKind.AbandonedCart, _now.AddDays(-3));
        await Log().RecordAsync(4, 1, EmailKind.AbandonedCart, _now.AddDays(-8));
        await Log().RecordAsync(4, 1, EmailKind.AbandonedCart, _now.AddHours(1));

        (await Log().CountByKindAsync(1, _now.AddDays(-7), _now)).Should().BeEquivalentTo(new Dictionary<EmailKind, int>
        {
            [EmailKind.Replenishment] = 1,
            [EmailKind.AbandonedCart] = 1
        });
        (await Log().CountByKindAsync(0, _now.AddDays(-7), _now))[EmailKind.AbandonedCart].Should().Be(2);
    }

    [Test]
    public async Task TheInsightsRunReadsNamedSendsOpensAndClicksOfTheLast90Days()
    {
        await Log().RecordAsync(5, 1, EmailKind.Replenishment, _now.AddDays(-10));
        await Log().RecordAsync(5, 1, EmailKind.Replenishment, _now.AddDays(-100));
        await Repository<PersonalizationEmailSend>().InsertAsync(new PersonalizationEmailSend { StoreId = 1, Kind = (int)EmailKind.ShopMessage, SentOnUtc = _now.AddDays(-1) });
        await Repository<PersonalizationEvent>().InsertAsync([
            Event(InteractionType.EmailOpen, 5, EmailPlacement.Of(EmailKind.Replenishment, 42), _now.AddDays(-9)),
            Event(InteractionType.EmailClick, 5, EmailPlacement.Of(EmailKind.Replenishment, 42), _now.AddDays(-8), productId: 3),
            //anonymous, outside the window, not an e-mail event, a placement the plugin never writes
            Event(InteractionType.EmailOpen, 0, EmailPlacement.Of(EmailKind.Replenishment, 43), _now.AddDays(-9)),
            Event(InteractionType.EmailClick, 5, EmailPlacement.Of(EmailKind.Replenishment, 44), _now.AddDays(-91)),
            Event(InteractionType.View, 5, null, _now.AddDays(-8), productId: 3),
            Event(InteractionType.EmailClick, 5, "email:9:1", _now.AddDays(-8))
        ], publishEvent: false);

        var activity = await new EmailActivityReader(Repository<PersonalizationEvent>(), Repository<PersonalizationEmailSend>()).ReadAsync(_now);

        activity.Should().BeEquivalentTo([
            new EmailActivity(1, 5, EmailActivityType.Sent, EmailKind.Replenishment, 0, _now.AddDays(-10)),
            new EmailActivity(1, 5, EmailActivityType.Opened, EmailKind.Replenishment, 42, _now.AddDays(-9)),
            new EmailActivity(1, 5, EmailActivityType.Clicked, EmailKind.Replenishment, 42, _now.AddDays(-8))
        ]);
        EmailEngagementCalculator.Calculate(activity, _now)[(1, 5)].Should().Be(new EmailEngagementSummary(1, 1, 1, _now.AddDays(-8), _now.AddDays(-8), 1.0));
    }

    [Test]
    public async Task SendsExpireWithTheEventRetentionButNeverBeforeTheLongestCap()
    {
        await Log().RecordAsync(1, 1, EmailKind.Replenishment, _now.AddDays(-29));
        await Log().RecordAsync(1, 1, EmailKind.Replenishment, _now.AddDays(-31));
        var settings = new InMemorySettings().Handle<PersonalizationEmailSendState>().Handle<PersonalizationSettings>();
        var values = PersonalizationSettings.Defaults();
        values.RetentionDays = 1;
        settings.Save(values);
        var housekeeping = new EmailSendHousekeeping(Repository<PersonalizationEvent>(), new RetentionOptions(), Repository<PersonalizationEmailSend>(),
            settings.Service, new FakeTimeProvider(_now));

        (await housekeeping.DeleteExpiredAsync()).Should().Be(1, "a 30-day cap (720 hours) still needs the send of 29 days ago");
        (await Log().LastSentAsync([1], _now.AddDays(-30))).Should().ContainKey(1);
    }
}
