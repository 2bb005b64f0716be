using Moq;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Lifetime;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Services.Configuration;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.Personalization.Tests.Customers;

[TestFixture]
public class ProfileFactTextsTests
{
    private PersonalizationInsightsState _state;
    private int _stateReads;

    [SetUp]
    public void SetUp()
    {
        //store 1: too little history; store 2: enough, but the fit failed; store 3 not in the state (a run of an earlier version)
        _state = new PersonalizationInsightsState { LifetimeSupport = "1|37|8|0\n2|250|60|0\nnot a line" };
        _stateReads = 0;
    }

    private ProfileFactTexts Texts()
    {
        var english = LocaleResources.LoadEnglish().ToDictionary();
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => english[key]);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<PersonalizationInsightsState>(0)).ReturnsAsync(() =>
        {
            _stateReads++;
            return _state;
        });
        return new ProfileFactTexts(localization.Object, settings.Object);
    }

    [TestCase(1, 3, "not predicted: this store has 37 buyers, 8 of whom bought again on a later day; the model needs at least 200 buyers and 50 repeat buyers")]
    [TestCase(2, 3, "not predicted: the model could not be fitted on this store's 250 buyers (60 repeat buyers)")]
    [TestCase(3, 3, "not predicted (the store has too little repeat-purchase history)")]
    [TestCase(1, 0, "not predicted: no purchase yet")]
    public async Task AMissingLifetimeSaysWhy(int storeId, int orders, string expected)
    {
        (await Texts().LifetimeAsync(new PersonalizationProfile { StoreId = storeId, Orders = orders })).Should().Be(expected);
    }

    [Test]
    public async Task TheStoresSupportIsReadOncePerBlock()
    {
        var texts = Texts();

        await texts.LifetimeAsync(new PersonalizationProfile { StoreId = 1, Orders = 2 });
        await texts.LifetimeAsync(new PersonalizationProfile { StoreId = 2, Orders = 2 });

        _stateReads.Should().Be(1);
    }

    [Test]
    public async Task EmailEngagementReadsAsOneLineOrSaysThereIsNone()
    {
        var texts = Texts();

        (await texts.EmailAsync(new PersonalizationProfile())).Should().Be("no e-mail sent, opened or clicked");
        //a shop message's block clicked: no plugin e-mail sent, so no rate
        (await texts.EmailAsync(new PersonalizationProfile
            {
                EmailsSent90Days = 0, EmailsOpened90Days = 1, EmailsClicked90Days = 1,
                LastEmailOpenOnUtc = new DateTime(2026, 12, 1, 8, 0, 0), LastEmailClickOnUtc = new DateTime(2026, 12, 1, 8, 0, 0)
            }))
            .Should().Be("0 sent, 1 opened, 1 clicked; click rate -; last open 2026-12-01, last click 2026-12-01");
    }

    [Test]
    public void SupportLinesRoundTrip()
    {
        var text = LifetimeSupportText.Format([(1, new LifetimeSupport(37, 8, false)), (4, new LifetimeSupport(900, 120, true))]);

        text.Should().Be("1|37|8|0\n4|900|120|1");
        LifetimeSupportText.Parse(text).Should().BeEquivalentTo(new Dictionary<int, LifetimeSupport>
        {
            [1] = new(37, 8, false),
            [4] = new(900, 120, true)
        });
    }
}
