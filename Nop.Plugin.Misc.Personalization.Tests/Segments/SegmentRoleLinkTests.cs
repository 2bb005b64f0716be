using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Plugin.Misc.Personalization.Domain;
using Nop.Plugin.Misc.Personalization.Models.Segments;
using Nop.Plugin.Misc.Personalization.Services.RoleSync;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.Personalization.Tests.Segments;

/// <summary>
/// Linking a role on the segment form: a role created for the segment, or an existing role without members, by an
/// admin who may manage customers; the segment records which role and how.
/// </summary>
[TestFixture]
public class SegmentRoleLinkTests
{
    private SegmentAdmin _admin;
    private PersonalizationSegmentController _controller;
    private Nop.Core.Domain.Customers.CustomerRole _vip;

    [SetUp]
    public void SetUp()
    {
        _admin = new SegmentAdmin();
        _admin.AddRole("Administrators", systemRole: true, withPermission: true);
        _admin.AddRole("Registered", systemRole: true);
        _vip = _admin.AddRole("VIP");
        _controller = _admin.Controller();
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    private static SegmentModel Form(int roleId, string name = "High value") => new() { Name = name, Rule = "monetary >= 4", Enabled = true, CustomerRoleId = roleId };

    private string RoleError(IActionResult result)
    {
        result.Should().BeOfType<ViewResult>();
        return _controller.ModelState[nameof(SegmentModel.CustomerRoleId)]!.Errors.Should().ContainSingle().Subject.ErrorMessage;
    }

    [Test]
    public async Task AnEmptyRoleIsLinkedAndTheSegmentRecordsHowWhenAndByWhom()
    {
        var result = await _controller.Create(Form(_vip.Id));

        result.Should().BeOfType<RedirectToRouteResult>();
        var segment = _admin.Segments.Rows.Should().ContainSingle().Subject;
        (segment.CustomerRoleId, segment.RoleLink, segment.RoleLinkedOnUtc, segment.RoleLinkedByCustomerId)
            .Should().Be((_vip.Id, (int)RoleLink.EmptyWhenLinked, SegmentAdmin.LinkedOnUtc, _admin.CurrentAdmin.Id));
    }

    [Test]
    public async Task ARoleWithMembersIsRefusedWithAMessageAndNothingIsSaved()
    {
        _admin.RoleMappings.Add(new Nop.Core.Domain.Customers.CustomerCustomerRoleMapping { CustomerId = 5, CustomerRoleId = _vip.Id });
        _admin.RoleMappings.Add(new Nop.Core.Domain.Customers.CustomerCustomerRoleMapping { CustomerId = 6, CustomerRoleId = _vip.Id });

        var result = await _controller.Create(Form(_vip.Id));

        RoleError(result).Should().Be("Plugins.Misc.Personalization.Segments.Validation.RoleHasMembers");
        _admin.Segments.Rows.Should().BeEmpty();
    }

    [Test]
    public async Task CreatingARoleForTheSegmentAddsAPermissionlessRoleNamedAfterIt()
    {
        _admin.AddRole("High value");

        var result = await _controller.Create(Form(SegmentRoleLinker.CREATE_ROLE));

        result.Should().BeOfType<RedirectToRouteResult>();
        var role = _admin.Roles.Last();
        (role.Name, role.Active, role.IsSystemRole).Should().Be(("High value (2)", true, false));
        _admin.PermissionMappings.Rows.Should().NotContain(mapping => mapping.CustomerRoleId == role.Id);
        var segment = _admin.Segments.Rows.Single();
        (segment.CustomerRoleId, segment.RoleLink).Should().Be((role.Id, (int)RoleLink.CreatedForSegment));
    }

    [Test]
    public async Task LinkingNeedsManageCustomersAsWellAsManagePlugins()
    {
        _admin.Permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMERS_CREATE_EDIT_DELETE)).ReturnsAsync(false);

        var result = await _controller.Create(Form(_vip.Id));

        RoleError(result).Should().Be("Plugins.Misc.Personalization.Segments.Validation.RoleLinkPermission");
        _admin.Segments.Rows.Should().BeEmpty();
        using var again = _admin.Controller();
        (await again.Create(Form(0, "No role"))).Should().BeOfType<RedirectToRouteResult>("a segment without a role needs no more than before");
    }

    [Test]
    public async Task CreatingARoleAlsoNeedsTheRightToCreateRoles()
    {
        _admin.Permissions.Setup(p => p.AuthorizeAsync(StandardPermission.Customers.CUSTOMER_ROLES_CREATE_EDIT_DELETE)).ReturnsAsync(false);
        var roles = _admin.Roles.Count;

        var result = await _controller.Create(Form(SegmentRoleLinker.CREATE_ROLE));

        RoleError(result).Should().Be("Plugins.Misc.Personalization.Segments.Validation.RoleCreatePermission");
        _admin.Roles.Should().HaveCount(roles);
    }

    [Test]
    public async Task ResavingASegmentKeepsItsLinkAndUnlinkingClearsIt()
    {
        await _controller.Create(Form(_vip.Id));
        var segment = _admin.Segments.Rows.Single();
        //members arrived through the sync since
        _admin.RoleMappings.Add(new Nop.Core.Domain.Customers.CustomerCustomerRoleMapping { CustomerId = 5, CustomerRoleId = _vip.Id });

        var edit = Form(_vip.Id);
        edit.Id = segment.Id;
        (await _controller.Edit(edit)).Should().BeOfType<RedirectToRouteResult>("the role is not newly linked");
        segment.RoleLink.Should().Be((int)RoleLink.EmptyWhenLinked);

        edit.CustomerRoleId = 0;
        await _controller.Edit(edit);
        (segment.CustomerRoleId, segment.RoleLink, segment.RoleLinkedOnUtc, segment.RoleLinkedByCustomerId).Should().Be((0, (int)RoleLink.None, (DateTime?)null, 0));
    }
}
