using Nop.Plugin.Misc.Personalization.Services.RoleSync;

namespace Nop.Plugin.Misc.Personalization.Tests.RoleSync;

[TestFixture]
public class RoleSyncOutcomeTests
{
    [Test]
    public void OutcomesSurviveTheirStoredText()
    {
        RoleSyncOutcome[] outcomes =
        [
            new(3, 12, RoleSyncStatus.Synced, Added: 40, Removed: 2, Left: 9_960),
            RoleSyncOutcome.Skipped(4, 1, RoleSyncStatus.SystemRole),
            new(5, 13, RoleSyncStatus.Failed, Error: "timeout | retry\nlater")
        ];

        var text = RoleSyncOutcome.Format(outcomes);

        text.Split('\n').Should().Equal("3|12|Synced|40|2|9960|", "4|1|SystemRole|0|0|0|", "5|13|Failed|0|0|0|timeout / retry later");
        RoleSyncOutcome.Parse(text).Should().Equal(outcomes[0], outcomes[1], outcomes[2] with { Error = "timeout / retry later" });
    }

    [Test]
    public void NoOutcomeIsStoredAsNothingAndMalformedLinesAreLeftOut()
    {
        RoleSyncOutcome.Format([]).Should().BeNull();
        RoleSyncOutcome.Parse(null).Should().BeEmpty();
        RoleSyncOutcome.Parse("x|1|Synced|0|0|0|\n2|7|Exploded|0|0|0|\n2|7|Synced|1|0|0\n2|7|99|0|0|0|\n6|8|RoleShared|0|0|0|")
            .Should().Equal(RoleSyncOutcome.Skipped(6, 8, RoleSyncStatus.RoleShared));
    }
}
