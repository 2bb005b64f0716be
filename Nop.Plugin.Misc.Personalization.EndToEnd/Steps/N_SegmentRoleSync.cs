using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    /// <summary>
    /// The owner creates a customer role without permissions, has a segment the registered shopper is in kept in sync
    /// with it, and trains: a segment change brings the insights refresh and the role sync forward to the next training
    /// run (Services/Customers/InsightsSchedule.cs), so the shopper holds the role in nopCommerce's own mapping table.
    /// </summary>
    [Test, Order(950)]
    public async Task N1_A_segment_synced_to_a_customer_role_puts_its_member_in_that_role_after_training()
    {
        var customerId = _state.Registered.CustomerId;
        var profile = await ShopProfiles.OfCustomerAsync(_database, customerId, _state.StoreId);
        profile.Should().NotBeNull("step K found the registered shopper's profile");
        var segment = (await ShopProfiles.SegmentsAsync(_database)).FirstOrDefault(s => s.Enabled && profile.SegmentIds.Contains(s.Id));
        segment.Should().NotBeNull("the registered shopper is in an enabled segment (profile segments: {0})", string.Join(",", profile.SegmentIds));

        var roleName = $"E2E role {Guid.NewGuid():N}"[..20];
        var added = CustomerRoleCreatePage.Add(Admin, roleName);
        var roleId = await Poll.UntilAsync(
            () => _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"CustomerRole\" WHERE \"Name\" = @n", ("n", roleName)),
            id => id > 0, TimeSpan.FromSeconds(10), $"the stored customer role '{roleName}' (page said: {added})");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"PermissionRecord_Role_Mapping\" WHERE \"CustomerRole_Id\" = @r", ("r", roleId)))
            .Should().Be(0, "a new role has no permission");
        (await RoleMembersAsync(roleId)).Should().BeEmpty("nobody holds a role just created");

        var page = Configuration();
        var saved = SegmentEditPage.SyncToRole(page, Admin.Browser, segment.Name, roleId);
        await Poll.UntilAsync(() => _database.ScalarAsync<int>("SELECT \"CustomerRoleId\" FROM \"Personalization_Segment\" WHERE \"Id\" = @s", ("s", segment.Id)),
            stored => stored == roleId, TimeSpan.FromSeconds(10), $"segment {segment.Id} stored with role {roleId} to sync (page said: {saved})");

        var trained = page.Open().Train();
        trained.Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training runs");

        var members = await Poll.UntilAsync(() => RoleMembersAsync(roleId), ids => ids.Contains(customerId), _insightsTimeout,
            $"customer {customerId} in role {roleId} ('{roleName}', synced with segment '{segment.Name}') in Customer_CustomerRole_Mapping");
        var segmentMembers = (await ShopProfiles.AllAsync(_database)).Where(p => p.SegmentIds.Contains(segment.Id)).Select(p => p.CustomerId).ToHashSet();
        members.Should().OnlyContain(id => segmentMembers.Contains(id), "only members of segment '{0}' are given its role", segment.Name);
    }

    private Task<List<int>> RoleMembersAsync(int roleId) =>
        _database.ListAsync("SELECT \"Customer_Id\" FROM \"Customer_CustomerRole_Mapping\" WHERE \"CustomerRole_Id\" = @r ORDER BY 1",
            reader => reader.GetInt32(0), ("r", roleId));
}
