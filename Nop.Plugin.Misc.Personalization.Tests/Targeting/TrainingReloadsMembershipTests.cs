using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Tests.Admin;

namespace Nop.Plugin.Misc.Personalization.Tests.Targeting;

/// <summary>
/// The training node serves the memberships its training stored without waiting for the next check.
/// </summary>
[TestFixture]
public class TrainingReloadsMembershipTests
{
    [Test]
    public async Task StoringCustomerInsightsAsksThisNodeToReadTheMembershipsAgain()
    {
        var services = new AdminServices();
        services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });

        var first = await services.Training().TrainAsync();

        first.InsightsRefreshed.Should().BeTrue();
        services.MembershipRefresh.Verify(refresh => refresh.RequestReload(), Times.Once);

        var second = await services.Training().TrainAsync();

        second.InsightsRefreshed.Should().BeFalse("profiles are stored once a day");
        services.MembershipRefresh.Verify(refresh => refresh.RequestReload(), Times.Once);
    }
}
