using System.ComponentModel;
using Nop.Plugin.Misc.Personalization.Models;
using Nop.Plugin.Misc.Personalization.Services.Privacy;

namespace Nop.Plugin.Misc.Personalization.Tests.Privacy;

[TestFixture]
public class TrackingConsentTests
{
    private static readonly TypeConverter _converter = TypeDescriptor.GetConverter(typeof(TrackingConsent));

    [Test]
    public void AShopThatSavedTheOldCookieBannerNameKeepsTheCookieBannerMode()
    {
        //nopCommerce stores enum settings by name and loads them only when the converter says the text is valid
        _converter.IsValid("ConsentedOnly").Should().BeTrue();
        _converter.ConvertFromInvariantString("ConsentedOnly").Should().Be(TrackingConsent.CookieBannerAccepted);
        ((int)TrackingConsent.CookieBannerAccepted).Should().Be(10, "the number stored before the rename");
    }

    [TestCase(TrackingConsent.Everyone)]
    [TestCase(TrackingConsent.CookieBannerAccepted)]
    [TestCase(TrackingConsent.GdprConsentAccepted)]
    [TestCase(TrackingConsent.Nobody)]
    public void EveryModeSurvivesASaveAndALoad(TrackingConsent mode)
    {
        var stored = _converter.ConvertToInvariantString(mode);

        _converter.IsValid(stored).Should().BeTrue();
        _converter.ConvertFromInvariantString(stored).Should().Be(mode);
    }

    [TestCase(false, TrackingConsent.Everyone)]
    [TestCase(true, TrackingConsent.CookieBannerAccepted)]
    public void TheDefaultFollowsTheShopsGdprSetting(bool gdprEnabled, TrackingConsent expected)
    {
        PersonalizationSettings.Defaults(gdprEnabled).Consent.Should().Be(expected);
    }

    [Test]
    public void TheGdprModeNeedsAConsentPicked()
    {
        var model = new ConfigurationModel { Consent = (int)TrackingConsent.GdprConsentAccepted, GdprConsentId = 0, HoldoutPercent = 10, DecayHalfLifeDays = 30,
            RetentionDays = 730, MaxBufferedEvents = 100_000, TrainingMemoryMegabytes = 1_000, MinimumProductsPerPlacement = 2, MaxProductsPerCategory = 3,
            ReplenishmentEmailMinDaysBetween = 14, ReplenishmentEmailMaxProducts = 4, AbandonedCartFirstDelayMinutes = 60, AbandonedCartSecondDelayHours = 24,
            BackInStockOfferDays = 14 };

        ConfigurationModelValidator.Validate(model).Should().ContainSingle(error => error.Property == nameof(ConfigurationModel.GdprConsentId));
        ConfigurationModelValidator.Validate(model with { GdprConsentId = 3 }).Should().BeEmpty();
    }

    [TestCase(TrackingConsent.Everyone, 0, TrackingConsent.Nobody, 0, true)]
    [TestCase(TrackingConsent.Everyone, 0, TrackingConsent.CookieBannerAccepted, 0, true)]
    [TestCase(TrackingConsent.CookieBannerAccepted, 0, TrackingConsent.GdprConsentAccepted, 3, true)]
    [TestCase(TrackingConsent.GdprConsentAccepted, 3, TrackingConsent.GdprConsentAccepted, 4, true)]
    [TestCase(TrackingConsent.GdprConsentAccepted, 3, TrackingConsent.GdprConsentAccepted, 3, false)]
    [TestCase(TrackingConsent.Nobody, 0, TrackingConsent.Everyone, 0, false)]
    [TestCase(TrackingConsent.CookieBannerAccepted, 0, TrackingConsent.CookieBannerAccepted, 0, false)]
    public void AChangeTowardsAModeThatNeedsConsentChecksTheData(TrackingConsent from, int fromConsent, TrackingConsent to, int toConsent, bool checks)
    {
        ConsentModeSwitch.NeedsConsentItDidNotNeed(new StoreConsentMode(1, from, fromConsent), new StoreConsentMode(1, to, toConsent)).Should().Be(checks);
    }
}
