using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.Personalization.Controllers;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.Personalization.Tests.Admin;

/// <summary>
/// Read as metadata: the compile surface's attribute constructors throw.
/// </summary>
[TestFixture]
public class AdminPermissionTests
{
    [TestCase(typeof(PersonalizationAdminController), new[] { "Configure(ConfigurationModel)" })]
    [TestCase(typeof(PersonalizationDataController), new[] { "Backfill()", "Train()" })]
    [TestCase(typeof(PersonalizationPlacementController), new[] { "Create(PlacementModel)", "Edit(PlacementModel)", "Delete(Int32)" })]
    [TestCase(typeof(PersonalizationSegmentController), new[] { "Create(SegmentModel)", "Edit(SegmentModel)", "Delete(Int32)", "RestoreBuiltIn()" })]
    public void EveryActionIsAnAdminActionThatNeedsThePluginPermission(Type controller, string[] expectedPosts)
    {
        var typeAttributes = controller.GetCustomAttributesData();
        typeAttributes.Should().ContainSingle(a => a.AttributeType == typeof(AreaAttribute))
            .Which.ConstructorArguments.Single().Value.Should().Be(AreaNames.ADMIN);
        typeAttributes.Should().ContainSingle(a => a.AttributeType == typeof(AuthorizeAdminAttribute));
        typeAttributes.Should().ContainSingle(a => a.AttributeType == typeof(AutoValidateAntiforgeryTokenAttribute));

        var actions = controller.GetMethods().Where(m => m.DeclaringType == controller && m.IsPublic && !m.IsSpecialName).ToList();
        actions.Should().NotBeEmpty();
        foreach (var action in actions)
        {
            action.GetCustomAttributesData().Should().ContainSingle(a => a.AttributeType == typeof(CheckPermissionAttribute), action.Name)
                .Which.ConstructorArguments[0].Value.Should().Be(StandardPermission.Configuration.MANAGE_PLUGINS);
        }

        actions.Where(m => m.GetCustomAttributesData().Any(a => a.AttributeType == typeof(HttpPostAttribute)))
            .Select(m => $"{m.Name}({string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name))})")
            .Should().BeEquivalentTo(expectedPosts);
    }
}
