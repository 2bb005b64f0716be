using System.Net;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.Personalization.EndToEnd.Infrastructure;
using Nop.Plugin.Misc.Personalization.EndToEnd.Pages;
using OpenQA.Selenium;

namespace Nop.Plugin.Misc.Personalization.EndToEnd;

public partial class PersonalizationInShopTests
{
    private const string STOP_REMINDERS_PATH = "personalization/email/stop-reminders";
    private const string UNSUBSCRIBE_PATH = "personalization/email/unsubscribe";
    private const string STOPPED_ATTRIBUTE = "Personalization.RemindersStoppedOnUtc";
    private const string LAST_REMINDER_ATTRIBUTE = "Personalization.ReplenishmentReminderOnUtc";

    /// <summary>
    /// The reminder of step O carries a signed "no more reminders" link. A forged token shows the error and changes
    /// nothing; the real link asks first and, confirmed without any login, stores the choice; the next run, with the
    /// shopper still subscribed and the product due again, queues no reminder for them.
    /// </summary>
    [Test, Order(980)]
    public async Task P1_The_no_more_reminders_link_works_without_login_refuses_a_forged_token_and_stops_the_next_run()
    {
        var (email, _, customerId) = _state.Registered;
        var body = await LastReminderBodyAsync(email);
        var stopLink = ReminderLink(body, STOP_REMINDERS_PATH);
        var path = new Uri(stopLink).PathAndQuery;
        (await StoppedAsync(customerId)).Should().Be(0, "nobody stopped reminders yet");

        using var reader = NewShopper("ReminderOptOut");
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var forged = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        reader.Browser.Open(path.Replace(token, forged, StringComparison.Ordinal));
        reader.Browser.Find(By.Id("personalization-email-link-message")).Text.Should().Contain("not valid", "a forged token is refused in plain words");
        reader.Browser.Exists(By.Id("personalization-email-link-confirm")).Should().BeFalse("a forged link offers nothing to confirm");
        (await StoppedAsync(customerId)).Should().Be(0, "a forged token changes nothing");

        //opening the link only asks, as a mail scanner's prefetch must not opt anybody out
        (await _shop.StatusOfAsync(path)).Should().Be(HttpStatusCode.OK);
        reader.Browser.Open(path);
        reader.Browser.Find(By.Id("personalization-email-link-message")).Text.Should().Contain("Stop e-mail reminders");
        (await StoppedAsync(customerId)).Should().Be(0, "opening the link stores nothing");

        reader.Browser.Click(By.Id("personalization-email-link-confirm"));
        reader.Browser.WaitFor(driver => driver.FindElements(By.Id("personalization-email-link-message")).FirstOrDefault(e => e.Text.Contains("no more reminders")),
            "the confirmation that reminders stopped");
        (await StoppedAsync(customerId)).Should().Be(1, "the choice is kept on the customer for the store");

        //the product is due again and the frequency cap is lifted: only the choice can hold the reminder back
        await _database.ExecuteAsync("UPDATE \"Personalization_Prediction\" SET \"EmailedOnUtc\" = NULL WHERE \"CustomerId\" = @c AND \"Kind\" = 1", ("c", customerId));
        await _database.ExecuteAsync("DELETE FROM \"GenericAttribute\" WHERE \"KeyGroup\" = 'Customer' AND \"EntityId\" = @c AND \"Key\" = @k",
            ("c", customerId), ("k", LAST_REMINDER_ATTRIBUTE));
        (await _database.CountAsync("SELECT COUNT(*) FROM \"NewsLetterSubscription\" WHERE LOWER(\"Email\") = LOWER(@e) AND \"StoreId\" = @s AND \"Active\"",
            ("e", email), ("s", _state.StoreId))).Should().BeGreaterThan(0, "the shopper is still subscribed to the newsletter");

        var lastEmailId = await _database.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"QueuedEmail\"");
        var ran = ScheduleTaskList.RunNow(Admin, await ReminderTaskIdAsync());

        (await _database.CountAsync("SELECT COUNT(*) FROM \"QueuedEmail\" WHERE \"Id\" > @last AND LOWER(\"To\") = LOWER(@e)", ("last", lastEmailId), ("e", email)))
            .Should().Be(0, $"no reminder after opting out (run said: {ran})");
        (await _database.CountAsync("SELECT COUNT(*) FROM \"Personalization_Prediction\" WHERE \"CustomerId\" = @c AND \"Kind\" = 1 AND \"EmailedOnUtc\" IS NOT NULL",
            ("c", customerId))).Should().Be(0, "the due prediction stays unsent");
    }

    /// <summary>
    /// The reminder's newsletter unsubscribe link ends every subscription of the address in the store, also one with a
    /// GUID of its own (as imported rows have), which nopCommerce's own GUID link would leave active.
    /// </summary>
    [Test, Order(981)]
    public async Task P2_The_unsubscribe_link_ends_every_subscription_of_the_address_in_the_store()
    {
        var (email, _, _) = _state.Registered;
        var body = await LastReminderBodyAsync(email);
        var path = new Uri(ReminderLink(body, UNSUBSCRIBE_PATH)).PathAndQuery;
        await _database.ExecuteAsync("""
            INSERT INTO "NewsLetterSubscription" ("NewsLetterSubscriptionGuid", "Email", "Active", "StoreId", "CreatedOnUtc", "LanguageId", "TypeId")
            VALUES (@g, @e, TRUE, @s, NOW() AT TIME ZONE 'UTC', 0, (SELECT MAX("Id") FROM "NewsLetterSubscriptionType"))
            """, ("g", Guid.NewGuid()), ("e", email), ("s", _state.StoreId));
        var active = () => _database.CountAsync("SELECT COUNT(*) FROM \"NewsLetterSubscription\" WHERE LOWER(\"Email\") = LOWER(@e) AND \"StoreId\" = @s AND \"Active\"",
            ("e", email), ("s", _state.StoreId));
        (await active()).Should().BeGreaterThan(1, "two subscription rows with different GUIDs are active");

        using var reader = NewShopper("NewsletterUnsubscribe");
        reader.Browser.Open(path);
        reader.Browser.Click(By.Id("personalization-email-link-confirm"));
        reader.Browser.WaitFor(driver => driver.FindElements(By.Id("personalization-email-link-message")).FirstOrDefault(e => e.Text.Contains("no longer subscribed")),
            "the confirmation that the address is unsubscribed");

        (await active()).Should().Be(0, "every subscription of the address in the store ended");
    }

    /// <summary>
    /// The role synced in step N: a customer the admin adds to it by hand, outside the segment, survives the next sync
    /// (only mappings the plugin recorded are removed), and each sync run left an entry of the plugin's activity type.
    /// </summary>
    [Test, Order(982)]
    public async Task P3_A_hand_added_member_of_the_synced_role_survives_the_next_sync_which_is_in_the_activity_log()
    {
        var (segmentId, roleId) = (await _database.ListAsync("""
            SELECT "Id", "CustomerRoleId" FROM "Personalization_Segment" WHERE "CustomerRoleId" > 0 AND "Enabled" ORDER BY "Id" LIMIT 1
            """, reader => (reader.GetInt32(0), reader.GetInt32(1)))).Single();
        (await _database.ScalarAsync<int>("SELECT \"RoleLink\" FROM \"Personalization_Segment\" WHERE \"Id\" = @s", ("s", segmentId)))
            .Should().Be(2, "step N linked a role that had no member (RoleLink.EmptyWhenLinked)");

        var segmentMembers = (await ShopProfiles.AllAsync(_database)).Where(p => p.SegmentIds.Contains(segmentId)).Select(p => p.CustomerId).ToHashSet();
        var candidates = await _database.ListAsync("""
            SELECT "Id" FROM "Customer" WHERE NOT "Deleted" AND NOT "IsSystemAccount" AND "Active"
              AND "Id" NOT IN (SELECT "Customer_Id" FROM "Customer_CustomerRole_Mapping" WHERE "CustomerRole_Id" = @r) ORDER BY "Id"
            """, reader => reader.GetInt32(0), ("r", roleId));
        var byHand = candidates.First(id => !segmentMembers.Contains(id));
        await _database.ExecuteAsync("INSERT INTO \"Customer_CustomerRole_Mapping\" (\"Customer_Id\", \"CustomerRole_Id\") VALUES (@c, @r)", ("c", byHand), ("r", roleId));
        var activityBefore = await RoleSyncActivityCountAsync();
        activityBefore.Should().BeGreaterThan(0, "step N's sync run left an activity-log entry");

        var page = Configuration();
        var segmentName = await _database.ScalarAsync<string>("SELECT \"Name\" FROM \"Personalization_Segment\" WHERE \"Id\" = @s", ("s", segmentId));
        SegmentEditPage.SaveUnchanged(page, Admin.Browser, segmentName);
        page.Open().Train().Should().MatchRegex("Models trained from [1-9][0-9]* interactions", "training runs");
        await Poll.UntilAsync(RoleSyncActivityCountAsync, count => count > activityBefore, _insightsTimeout, "a new activity-log entry of the role sync");

        var members = await RoleMembersAsync(roleId);
        members.Should().Contain(byHand, "a mapping an admin added by hand is never removed");
        //the segment's members change as the story goes on (step O makes customers repeat buyers), so the ledger is
        //checked against what the sync now holds: every recorded mapping exists and belongs to a segment member
        var recorded = await _database.ListAsync("SELECT \"CustomerId\" FROM \"Personalization_RoleMapping\" WHERE \"CustomerRoleId\" = @r",
            reader => reader.GetInt32(0), ("r", roleId));
        var nowInSegment = (await ShopProfiles.AllAsync(_database)).Where(p => p.SegmentIds.Contains(segmentId)).Select(p => p.CustomerId).ToHashSet();
        recorded.Where(id => !members.Contains(id) || !nowInSegment.Contains(id)).Should()
            .BeEmpty("the ledger holds only mappings the sync added for segment members (recorded: {0})", string.Join(",", recorded));
        recorded.Should().NotContain(byHand, "the hand-added member is not the sync's");
        var comment = await _database.ScalarAsync<string>("""
            SELECT a."Comment" FROM "ActivityLog" a JOIN "ActivityLogType" t ON t."Id" = a."ActivityLogTypeId"
            WHERE t."SystemKeyword" = 'Personalization.RoleSync' ORDER BY a."Id" DESC LIMIT 1
            """);
        comment.Should().MatchRegex("Segment role sync: [0-9]+ segment\\(s\\) synced, [0-9]+ membership\\(s\\) added, [0-9]+ removed");
    }

    private Task<long> RoleSyncActivityCountAsync() => _database.CountAsync("""
        SELECT COUNT(*) FROM "ActivityLog" a JOIN "ActivityLogType" t ON t."Id" = a."ActivityLogTypeId" WHERE t."SystemKeyword" = 'Personalization.RoleSync'
        """);

    private Task<long> StoppedAsync(int customerId) => _database.CountAsync("""
        SELECT COUNT(*) FROM "GenericAttribute" WHERE "KeyGroup" = 'Customer' AND "EntityId" = @c AND "Key" = @k AND "StoreId" = @s
        """, ("c", customerId), ("k", STOPPED_ATTRIBUTE), ("s", _state.StoreId));

    private Task<int> ReminderTaskIdAsync() =>
        _database.ScalarAsync<int>("SELECT \"Id\" FROM \"ScheduleTask\" WHERE \"Type\" = 'Nop.Plugin.Misc.Personalization.Tasks.ReplenishmentEmailTask'");

    private async Task<string> LastReminderBodyAsync(string email)
    {
        var bodies = await _database.ListAsync("""
            SELECT "Body" FROM "QueuedEmail" WHERE LOWER("To") = LOWER(@e) AND "Body" LIKE '%personalization/email/%' ORDER BY "Id" DESC LIMIT 1
            """, reader => reader.GetString(0), ("e", email));
        bodies.Should().ContainSingle("step O queued a reminder to {0}", email);
        return bodies[0];
    }

    /// <summary>The reminder's link whose address contains <paramref name="pathPart"/>, decoded from the HTML.</summary>
    private static string ReminderLink(string body, string pathPart)
    {
        var links = Regex.Matches(body, "href=\"([^\"]+)\"").Select(match => WebUtility.HtmlDecode(match.Groups[1].Value)).ToList();
        return links.Should().ContainSingle(link => link.Contains(pathPart, StringComparison.Ordinal), "the reminder carries its {0} link", pathPart).Subject;
    }
}
