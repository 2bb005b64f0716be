using Nop.Plugin.Misc.Personalization.Models;

namespace Nop.Plugin.Misc.Personalization.Tests.Plugin;

[TestFixture]
public class ConfigurationModelValidatorTests
{
    private static ConfigurationModel Valid()
    {
        var defaults = PersonalizationSettings.Defaults();
        return new ConfigurationModel
        {
            Enabled = defaults.Enabled,
            Consent = (int)defaults.Consent,
            HoldoutPercent = defaults.HoldoutPercent,
            DecayHalfLifeDays = defaults.DecayHalfLifeDays,
            RetentionDays = defaults.RetentionDays,
            MaxBufferedEvents = defaults.MaxBufferedEvents,
            TrainingMemoryMegabytes = defaults.TrainingMemoryMegabytes,
            TrainingNode = defaults.TrainingNode,
            ShowOutOfStockProducts = defaults.ShowOutOfStockProducts,
            MinimumProductsPerPlacement = defaults.MinimumProductsPerPlacement,
            MaxProductsPerCategory = defaults.MaxProductsPerCategory,
            ReplenishmentEmailsEnabled = defaults.ReplenishmentEmailsEnabled,
            BackInStockMaxCustomers = defaults.BackInStockMaxCustomers,
            BackInStockOfferDays = defaults.BackInStockOfferDays,
            ReplenishmentEmailMinDaysBetween = defaults.ReplenishmentEmailMinDaysBetween,
            ReplenishmentEmailMaxProducts = defaults.ReplenishmentEmailMaxProducts,
            AbandonedCartFirstDelayMinutes = defaults.AbandonedCartFirstDelayMinutes,
            AbandonedCartSecondDelayHours = defaults.AbandonedCartSecondDelayHours,
            EmailFrequencyCapHours = defaults.EmailFrequencyCapHours
        };
    }

    [Test]
    public void DefaultSettingsAreValid()
    {
        ConfigurationModelValidator.Validate(Valid()).Should().BeEmpty();
    }

    [TestCase(nameof(ConfigurationModel.HoldoutPercent), -1)]
    [TestCase(nameof(ConfigurationModel.HoldoutPercent), 51)]
    [TestCase(nameof(ConfigurationModel.DecayHalfLifeDays), 0)]
    [TestCase(nameof(ConfigurationModel.RetentionDays), 29)]
    [TestCase(nameof(ConfigurationModel.MaxBufferedEvents), 999)]
    [TestCase(nameof(ConfigurationModel.MaxBufferedEvents), 10_000_001)]
    [TestCase(nameof(ConfigurationModel.TrainingMemoryMegabytes), 399)]
    [TestCase(nameof(ConfigurationModel.TrainingMemoryMegabytes), 65_537)]
    [TestCase(nameof(ConfigurationModel.MinimumProductsPerPlacement), 0)]
    [TestCase(nameof(ConfigurationModel.MinimumProductsPerPlacement), 25)]
    [TestCase(nameof(ConfigurationModel.MaxProductsPerCategory), 0)]
    [TestCase(nameof(ConfigurationModel.ReplenishmentEmailMinDaysBetween), 0)]
    [TestCase(nameof(ConfigurationModel.ReplenishmentEmailMinDaysBetween), 366)]
    [TestCase(nameof(ConfigurationModel.ReplenishmentEmailMaxProducts), 0)]
    [TestCase(nameof(ConfigurationModel.ReplenishmentEmailMaxProducts), 13)]
    [TestCase(nameof(ConfigurationModel.AbandonedCartFirstDelayMinutes), 4)]
    [TestCase(nameof(ConfigurationModel.AbandonedCartFirstDelayMinutes), 10_081)]
    [TestCase(nameof(ConfigurationModel.AbandonedCartSecondDelayHours), 0)]
    [TestCase(nameof(ConfigurationModel.AbandonedCartSecondDelayHours), 169)]
    [TestCase(nameof(ConfigurationModel.EmailFrequencyCapHours), -1)]
    [TestCase(nameof(ConfigurationModel.EmailFrequencyCapHours), 721)]
    [TestCase(nameof(ConfigurationModel.BackInStockMaxCustomers), -1)]
    [TestCase(nameof(ConfigurationModel.BackInStockMaxCustomers), 10_001)]
    [TestCase(nameof(ConfigurationModel.BackInStockOfferDays), 0)]
    [TestCase(nameof(ConfigurationModel.BackInStockOfferDays), 91)]
    public void OutOfRangeValuesNameTheFieldAndTheRange(string property, int value)
    {
        var model = Valid();
        typeof(ConfigurationModel).GetProperty(property)!.SetValue(model, value);

        var errors = ConfigurationModelValidator.Validate(model);

        errors.Should().ContainSingle();
        errors[0].Property.Should().Be(property);
        errors[0].ResourceKey.Should().Be("Plugins.Misc.Personalization.Validation.Range");
        errors[0].Arguments[0].Should().Be(ConfigurationModelValidator.FieldResourceKey(property));
    }

    [Test]
    public void ATrainingNodeNameLongerThanAMachineNameCanBeIsRejected()
    {
        var model = Valid() with { TrainingNode = new string('n', 201) };

        ConfigurationModelValidator.Validate(model).Should().ContainSingle(error => error.Property == nameof(ConfigurationModel.TrainingNode)
            && error.ResourceKey == "Plugins.Misc.Personalization.Validation.TrainingNode");
        ConfigurationModelValidator.Validate(Valid() with { TrainingNode = "web-02" }).Should().BeEmpty();
    }

    [Test]
    public void UnknownConsentIsRejected()
    {
        var model = Valid() with { Consent = 99 };

        ConfigurationModelValidator.Validate(model).Should().ContainSingle(error => error.Property == nameof(ConfigurationModel.Consent));
    }
}
