using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Messaging;
using Nop.Plugin.Misc.Personalization.Services.Messaging;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.AbandonedCarts;

/// <summary>The shared frequency cap's log of plugin e-mails on PostgreSQL and MariaDB.</summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class EmailSendLogDatabaseTests : MigratedDatabaseTest
{
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    public EmailSendLogDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [SetUp]
    public Task TruncateAsync() => Repository<PersonalizationEmailSend>().TruncateAsync();

    [Test]
    public async Task TheLatestEmailOfAnyKindInAnyStorePerCustomerIsFoundAfterTheCutoff()
    {
        var log = new EmailSendLog(Repository<PersonalizationEmailSend>());
        await log.RecordAsync(1, 1, EmailKind.Replenishment, _now.AddHours(-30));
        await log.RecordAsync(1, 2, EmailKind.AbandonedCart, _now.AddHours(-5));
        await log.RecordAsync(2, 1, EmailKind.Replenishment, _now.AddHours(-30));
        await log.RecordAsync(3, 1, EmailKind.AbandonedCart, _now.AddHours(-1));

        var last = await log.LastSentAsync([1, 2, 4], _now.AddHours(-24));

        last.Should().BeEquivalentTo(new Dictionary<int, DateTime> { [1] = _now.AddHours(-5) });
    }

    [Test]
    public async Task ManyCustomersAreReadInChunks()
    {
        var log = new EmailSendLog(Repository<PersonalizationEmailSend>());
        await log.RecordAsync(2_500, 1, EmailKind.AbandonedCart, _now);

        var last = await log.LastSentAsync(Enumerable.Range(1, 2_600).ToList(), _now.AddHours(-1));

        last.Keys.Should().Equal(2_500);
    }

    [Test]
    public async Task RowsOlderThanTheCutoffAreDeleted()
    {
        var log = new EmailSendLog(Repository<PersonalizationEmailSend>());
        await log.RecordAsync(1, 1, EmailKind.AbandonedCart, _now.AddDays(-40));
        await log.RecordAsync(1, 1, EmailKind.AbandonedCart, _now);

        (await log.DeleteOlderThanAsync(_now.AddDays(-31))).Should().Be(1);
    }
}
