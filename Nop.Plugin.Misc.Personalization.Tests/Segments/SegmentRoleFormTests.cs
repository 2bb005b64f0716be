using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

/// <summary>
/// The "Sync to customer role" field: which roles the form offers, which the validator refuses, and what the segments
/// card says about each synced role. Roles: nopCommerce's system ones, one holding a permission, and plain ones.
/// </summary>
[TestFixture]
public class SegmentRoleFormTests
{
    private SegmentAdmin _admin;
    private PersonalizationSegmentController _controller;
    private Nop.Core.Domain.Customers.CustomerRole _vip;
    private Nop.Core.Domain.Customers.CustomerRole _archived;
    private Nop.Core.Domain.Customers.CustomerRole _gold;
    private Nop.Core.Domain.Customers.CustomerRole _staff;
    private Nop.Core.Domain.Customers.CustomerRole _registered;

    [SetUp]
    public void SetUp()
    {
        _admin = new SegmentAdmin();
        _admin.AddRole("Administrators", systemRole: true, withPermission: true);
        _registered = _admin.AddRole("Registered", systemRole: true);
        _admin.AddRole("Guests", systemRole: true);
        _admin.AddRole("Vendors", systemRole: true, withPermission: true);
        _staff = _admin.AddRole("Staff", withPermission: true);
        _vip = _admin.AddRole("VIP");
        _archived = _admin.AddRole("Archived", active: false);
        _gold = _admin.AddRole("Gold");
        _controller = _admin.Controller();
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task TheFormOffersNoneAndOnlySafeRolesNoOtherSegmentSyncs()
    {
        var other = _admin.AddSegment("Loyal", "frequency >= 4");
        other.CustomerRoleId = _gold.Id;

        var model = View(await _controller.Create());

        model.CustomerRoleId.Should().Be(0);
        model.AvailableCustomerRoles.Select(item => (item.Value, item.Text)).Should().Equal(
            ("0", "Plugins.Misc.Personalization.Segments.Role.None"),
            ("-1", "Plugins.Misc.Personalization.Segments.Role.Create"),
            (_archived.Id.ToString(), "Plugins.Misc.Personalization.Segments.Role.Inactive"),
            (_vip.Id.ToString(), "VIP"));
        model.CustomerRoleWarning.Should().BeNull();
    }

    [Test]
    public async Task EditingASegmentOffersItsOwnRoleAndWarnsWhenItsRoleBecameUnsafe()
    {
        var segment = _admin.AddSegment("High value", "monetary >= 4");
        segment.CustomerRoleId = _gold.Id;

        var model = View(await _controller.Edit(segment.Id));

        model.CustomerRoleId.Should().Be(_gold.Id);
        model.AvailableCustomerRoles.Select(item => item.Text).Should().Contain("Gold").And.NotContain("Staff");
        model.CustomerRoleWarning.Should().BeNull();

        _admin.PermissionMappings.Add(new Nop.Core.Domain.Security.PermissionRecordCustomerRoleMapping { PermissionRecordId = 3, CustomerRoleId = _gold.Id });
        model = View(await _controller.Edit(segment.Id));

        model.AvailableCustomerRoles.Select(item => item.Text).Should().NotContain("Gold");
        model.CustomerRoleWarning.Should().Be("Plugins.Misc.Personalization.Segments.Validation.RolePermissions");
    }

    [TestCase("system", "Plugins.Misc.Personalization.Segments.Validation.RoleSystem")]
    [TestCase("permission", "Plugins.Misc.Personalization.Segments.Validation.RolePermissions")]
    [TestCase("unknown", "Plugins.Misc.Personalization.Segments.Validation.RoleUnknown")]
    [TestCase("taken", "Plugins.Misc.Personalization.Segments.Validation.RoleTaken")]
    public async Task AnUnsafeUnknownOrTakenRoleIsRefusedAndNothingIsSaved(string role, string message)
    {
        var other = _admin.AddSegment("Loyal", "frequency >= 4");
        other.CustomerRoleId = _gold.Id;
        var roleId = role switch
        {
            "system" => _registered.Id,
            "permission" => _staff.Id,
            "unknown" => 4_242,
            _ => _gold.Id
        };

        var model = View(await _controller.Create(new SegmentModel { Name = "High value", Rule = "monetary >= 4", CustomerRoleId = roleId }));

        _controller.ModelState[nameof(SegmentModel.CustomerRoleId)]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().Be(message);
        _controller.ModelState.ErrorCount.Should().Be(1);
        _admin.Segments.Rows.Should().ContainSingle("only the other segment exists");
        model.AvailableCustomerRoles.Should().NotBeEmpty("the form comes back with its choices");
    }

    [Test]
    public async Task ASafeRoleIsSaved()
    {
        var result = await _controller.Create(new SegmentModel { Name = "High value", Rule = "monetary >= 4", Enabled = true, CustomerRoleId = _archived.Id });

        result.Should().BeOfType<RedirectToRouteResult>();
        _admin.Segments.Rows.Should().ContainSingle().Which.CustomerRoleId.Should().Be(_archived.Id, "an inactive role is safe: its members are the point");
    }

    [Test]
    public void TheValidatorNamesTheRoleAndTheSegmentThatHasIt()
    {
        var roles = _admin.Roles.Select(role => new RoleChoice(role, SyncableRoles.SafetyOf(role, _admin.PermissionMappings.Rows.Select(m => m.CustomerRoleId).ToHashSet()))).ToList();
        var loyal = new Nop.Plugin.Misc.Personalization.Domain.PersonalizationSegment { Id = 9, Name = "Loyal", CustomerRoleId = _gold.Id };

        SegmentModelValidator.ValidateRole(0, roles, [loyal]).Should().BeEmpty();
        SegmentModelValidator.ValidateRole(_vip.Id, roles, [loyal]).Should().BeEmpty();
        SegmentModelValidator.ValidateRole(_gold.Id, roles, [loyal]).Should().ContainSingle()
            .Which.Arguments.Should().Equal("Gold", "Loyal");
        SegmentModelValidator.ValidateRole(_staff.Id, roles, []).Should().ContainSingle()
            .Which.Arguments.Should().Equal("Staff");
        SegmentModelValidator.ValidateRole(-3, roles, []).Should().ContainSingle()
            .Which.ResourceKey.Should().Be("Plugins.Misc.Personalization.Segments.Validation.RoleUnknown");
    }

    [Test]
    public void ARoleNopCommerceGivesToBuyersOfAProductIsNotSafe()
    {
        var buyers = _admin.AddRole("Bought the starter kit");
        buyers.PurchasedWithProductId = 42;

        SyncableRoles.SafetyOf(buyers, new HashSet<int>()).Should().Be(RoleSafety.AssignedByPurchase);
        var roles = _admin.Roles.Select(role => new RoleChoice(role, SyncableRoles.SafetyOf(role, new HashSet<int>()))).ToList();
        SegmentModelValidator.ValidateRole(buyers.Id, roles, []).Should().ContainSingle()
            .Which.ResourceKey.Should().Be("Plugins.Misc.Personalization.Segments.Validation.RolePurchase");
    }

    [Test]
    public async Task TheCardShowsEachSyncedRoleAndWhatTheLastSyncDid()
    {
        var syncedOn = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);
        var synced = _admin.AddSegment("High value", "monetary >= 4");
        synced.CustomerRoleId = _vip.Id;
        var backlog = _admin.AddSegment("Loyal", "frequency >= 4");
        backlog.CustomerRoleId = _gold.Id;
        var unsafeNow = _admin.AddSegment("Staff picks", "orders > 2");
        unsafeNow.CustomerRoleId = _staff.Id;
        var failed = _admin.AddSegment("Archived buyers", "orders > 5");
        failed.CustomerRoleId = _archived.Id;
        var gone = _admin.AddSegment("Gone role", "orders > 6");
        gone.CustomerRoleId = 777;
        var off = _admin.AddSegment("Switched off", "orders > 7", enabled: false);
        off.CustomerRoleId = 778;
        _admin.AddSegment("No role", "orders > 8");
        _admin.Settings.Save(new PersonalizationInsightsState
        {
            RoleSyncedOnUtc = syncedOn,
            RoleSync = RoleSyncOutcome.Format([
                new RoleSyncOutcome(synced.Id, _vip.Id, RoleSyncStatus.Synced, Added: 12, Removed: 3),
                new RoleSyncOutcome(backlog.Id, _gold.Id, RoleSyncStatus.Synced, Added: 10_000, Left: 2_500),
                RoleSyncOutcome.Skipped(unsafeNow.Id, _staff.Id, RoleSyncStatus.GrantsPermissions),
                new RoleSyncOutcome(failed.Id, _archived.Id, RoleSyncStatus.Failed, Error: "timeout")
            ])
        });
        _admin.Localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleSync.Synced")).ReturnsAsync("+{0} -{1}.");
        _admin.Localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleSync.Left")).ReturnsAsync("{0} left ({1}/day).");
        _admin.Localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleSync.Failed")).ReturnsAsync("failed: {0}");
        _admin.Localization.Setup(l => l.GetResourceAsync("Plugins.Misc.Personalization.Segments.RoleMissing")).ReturnsAsync("deleted #{0}");

        var model = await _admin.Factory().PrepareListModelAsync();

        model.RoleSyncedOnUtc.Should().Be(syncedOn);
        model.RoleSyncProblem.Should().BeNull();
        model.Segments.Select(row => (row.Name, row.CustomerRole, row.RoleSync, row.RoleSyncWarning)).Should().Equal(
            ("High value", "VIP", "+12 -3.", false),
            ("Loyal", "Gold", $"+10000 -0. 2500 left ({SegmentRoleSync.MAX_CHANGES_PER_SEGMENT}/day).", false),
            ("Staff picks", "Staff", "Plugins.Misc.Personalization.Segments.RoleSync.GrantsPermissions", true),
            ("Archived buyers", "Archived", "failed: timeout", true),
            ("Gone role", "deleted #777", "Plugins.Misc.Personalization.Segments.RoleSync.Pending", false),
            ("Switched off", "deleted #778", "Plugins.Misc.Personalization.Segments.RoleSync.Disabled", false),
            ("No role", null, null, false));
    }

    [Test]
    public async Task TheCardReadsNoRolesWhenNoSegmentSyncsOne()
    {
        _admin.AddSegment("High value", "monetary >= 4");
        _admin.Settings.Save(new PersonalizationInsightsState { RoleSyncProblem = "role sync failed: boom" });

        var model = await _admin.Factory().PrepareListModelAsync();

        model.Segments.Single().CustomerRole.Should().BeNull();
        model.RoleSyncProblem.Should().Be("role sync failed: boom");
        _admin.CustomerService.Invocations.Should().BeEmpty();
    }

    private SegmentModel View(IActionResult result)
    {
        var view = result.Should().BeOfType<ViewResult>().Subject;
        return view.Model.Should().BeOfType<SegmentModel>().Subject;
    }
}
