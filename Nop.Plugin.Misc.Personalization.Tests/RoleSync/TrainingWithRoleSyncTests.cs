using System.Linq.Expressions;
using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Tests.Admin;

namespace Nop.Plugin.Misc.Personalization.Tests.RoleSync;

/// <summary>
/// The role sync runs inside training, after the profiles are stored; whatever happens to it, training completes.
/// </summary>
[TestFixture]
public class TrainingWithRoleSyncTests
{
    private AdminServices _services;

    [SetUp]
    public void SetUp()
    {
        _services = new AdminServices();
        _services.Products.Add(new Product { Published = true, VisibleIndividually = true, Price = 10m });
        for (var customer = 1; customer <= 3; customer++)
        {
            _services.Events.Add(new PersonalizationEvent
            {
                StoreId = 1, CustomerId = customer, ProductId = 1, EventType = (int)InteractionType.Purchase, Quantity = 1, Value = 10m,
                OrderId = customer, CreatedOnUtc = AdminServices.Now.UtcDateTime.AddDays(-3)
            });
        }

        _services.Segments.Add(new PersonalizationSegment { Name = "Buyers", RuleDefinition = "orders >= 1", CustomerRoleId = 5, Enabled = true });
    }

    [Test]
    public async Task AFailingRoleSyncIsRecordedAndTrainingGoesOn()
    {
        _services.CustomerService.Setup(c => c.GetAllCustomerRolesAsync(It.IsAny<bool>())).ThrowsAsync(new InvalidOperationException("database is down"));

        var result = await _services.Training().TrainAsync();

        (result.Trained, result.InsightsRefreshed).Should().Be((true, true));
        _services.Snapshots.Rows.Should().NotBeEmpty();
        _services.MembershipRefresh.Verify(refresh => refresh.RequestReload(), Times.Once);
        var state = _services.Settings.Load<PersonalizationInsightsState>();
        (state.Profiles, state.NextRefreshOnUtc).Should().Be((3, AdminServices.Now.UtcDateTime.AddDays(1)));
        state.Problem.Should().BeNullOrEmpty("settings keep a null text as an empty one");
        (state.RoleSyncedOnUtc, state.RoleSyncProblem).Should().Be((AdminServices.Now.UtcDateTime, "role sync failed: database is down"));
        state.RoleSync.Should().BeNullOrEmpty();
    }

    [Test]
    public async Task WhenStoringProfilesFailsNoRoleIsTouched()
    {
        _services.Profiles.Mock.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<PersonalizationProfile, bool>>>())).ThrowsAsync(new TimeoutException("profiles"));

        var result = await _services.Training().TrainAsync();

        result.Trained.Should().BeTrue();
        var state = _services.Settings.Load<PersonalizationInsightsState>();
        state.Problem.Should().Be("storing failed: profiles");
        state.RoleSyncedOnUtc.Should().BeNull();
        state.RoleSync.Should().BeNullOrEmpty();
        state.RoleSyncProblem.Should().BeNullOrEmpty();
        _services.CustomerService.Invocations.Should().BeEmpty();
        _services.RoleMappings.Mock.Invocations.Should().BeEmpty();
    }
}
