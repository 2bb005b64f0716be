using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Engine.Profiles;
using Nop.Plugin.Misc.Personalization.Localization;
using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Tests.Customers;

/// <summary>
/// Every stored code the customer block shows has an installed text, so a new enum value cannot show up as a number.
/// </summary>
[TestFixture]
public class CustomerInsightResourcesTests
{
    [Test]
    public void EveryCodeHasAnInstalledText()
    {
        var installed = LocaleResources.LoadEnglish();
        var keys = Enum.GetValues<LifecycleStage>().Select(CustomerInsightResources.Lifecycle)
            .Concat(Enum.GetValues<InteractionType>().Select(CustomerInsightResources.Interaction))
            .Concat(Enum.GetValues<PredictionKind>().Select(CustomerInsightResources.Prediction))
            .Concat(Enum.GetValues<AffinityKind>().Select(CustomerInsightResources.Affinity))
            .Append(CustomerInsightResources.PRICE_BAND)
            .ToList();

        keys.Should().OnlyHaveUniqueItems();
        keys.Where(key => key == null || !installed.ContainsKey(key)).Should().BeEmpty();
        installed[CustomerInsightResources.PRICE_BAND].Should().Contain("{0}").And.Contain("{1}");
    }

    [Test]
    public void UnknownCodesHaveNoText()
    {
        CustomerInsightResources.Lifecycle((LifecycleStage)42).Should().BeNull();
        CustomerInsightResources.Interaction((InteractionType)99).Should().BeNull();
        CustomerInsightResources.Prediction((PredictionKind)0).Should().BeNull();
    }
}
