using LinqToDB;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.Personalization.Services.Replenishment;
using Nop.Plugin.Misc.Personalization.Tests.TestSupport.Database;
using Nop.Services.Gdpr;

namespace Nop.Plugin.Misc.Personalization.Tests.Data.Replenishment;

/// <summary>
/// Who may get a reminder, with nopCommerce's NewsLetterSubscription table in PostgreSQL and its GDPR service mocked.
/// </summary>
[TestFixtureSource(typeof(DatabaseEngines), nameof(DatabaseEngines.All))]
public class ReminderConsentDatabaseTests : MigratedDatabaseTest
{
    private const int STORE = 1;
    private const int NEWSLETTER = 1;
    private const int OFFERS = 2;
    private const int MARKETING_CONSENT = 5;

    private DataOptions _shopOptions;
    private Mock<IGdprService> _gdpr;
    private List<Customer> _customers;

    public ReminderConsentDatabaseTests(DatabaseEngine engine) : base(engine)
    {
    }

    [OneTimeSetUp]
    public async Task CreateShopTableAsync()
    {
        _shopOptions = ShopTables.Options(Database, typeof(NewsLetterSubscription));
        await ShopTables.CreateAsync<NewsLetterSubscription>(_shopOptions);
    }

    [SetUp]
    public async Task SetUpAsync()
    {
        await Subscriptions().DeleteAsync(_ => true);
        _gdpr = new Mock<IGdprService>();
        _customers = Enumerable.Range(1, 5).Select(id => new Customer { Id = id, Email = $"c{id}@shop.test", Active = true, LanguageId = id == 3 ? 9 : null }).ToList();

        await Subscriptions().InsertAsync(new List<NewsLetterSubscription>
        {
            //1: the newsletter; 2: offers only; 3: both; 4: offers in another store; 5: offers, ended
            Row("c1@shop.test", NEWSLETTER), Row("c2@shop.test", OFFERS), Row("c3@shop.test", NEWSLETTER, languageId: 4), Row("c3@shop.test", OFFERS),
            Row("c4@shop.test", OFFERS, store: STORE + 1), Row("c5@shop.test", OFFERS, active: false)
        }, publishEvent: false);
    }

    private static NewsLetterSubscription Row(string email, int typeId, int store = STORE, bool active = true, int languageId = 0) => new()
    {
        NewsLetterSubscriptionGuid = Guid.NewGuid(), Email = email, Active = active, StoreId = store, TypeId = typeId, LanguageId = languageId,
        CreatedOnUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)
    };

    private Nop.Data.IRepository<NewsLetterSubscription> Subscriptions() => new LinqToDbRepository<NewsLetterSubscription>(_shopOptions);

    private Task<IReadOnlyDictionary<int, int>> GrantedAsync(EmailConsent consent, int typeId = 0, int consentId = 0)
    {
        var settings = PersonalizationSettings.Defaults();
        settings.ReplenishmentEmailConsent = consent;
        settings.ReplenishmentEmailNewsletterTypeId = typeId;
        settings.ReplenishmentEmailGdprConsentId = consentId;
        return new ReminderConsent(_gdpr.Object, Subscriptions()).GrantedAsync(STORE, settings, _customers);
    }

    [Test]
    public async Task ByDefaultAnActiveSubscriptionOfAnyTypeInTheStoreCountsAsBefore()
    {
        (await GrantedAsync(EmailConsent.NewsletterSubscription)).Keys.Should().BeEquivalentTo([1, 2, 3]);
    }

    [Test]
    public async Task WithATypeChosenOnlyActiveSubscriptionsOfThatTypeCount()
    {
        (await GrantedAsync(EmailConsent.NewsletterSubscription, typeId: OFFERS)).Keys.Should().BeEquivalentTo([2, 3]);
        (await GrantedAsync(EmailConsent.NewsletterSubscription, typeId: NEWSLETTER)).Should().BeEquivalentTo(new Dictionary<int, int> { [1] = 0, [3] = 4 },
            "the subscription's language comes along");
    }

    [Test]
    public async Task WithTheGdprConsentOnlyCustomersWhoAcceptedItCountWhateverTheirSubscriptions()
    {
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(MARKETING_CONSENT, It.IsAny<int>())).ReturnsAsync((int _, int customerId) => customerId switch
        {
            3 => true,
            4 => true,
            1 => false,
            _ => null
        });

        (await GrantedAsync(EmailConsent.GdprConsent, consentId: MARKETING_CONSENT)).Should().BeEquivalentTo(new Dictionary<int, int> { [3] = 9, [4] = 0 });
    }

    [Test]
    public async Task WithTheGdprConsentButNoneChosenNobodyCounts()
    {
        _gdpr.Setup(g => g.IsConsentAcceptedAsync(It.IsAny<int>(), It.IsAny<int>())).ReturnsAsync(true);

        (await GrantedAsync(EmailConsent.GdprConsent, consentId: 0)).Should().BeEmpty();
    }
}
