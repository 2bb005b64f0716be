using Nop.Plugin.Misc.Personalization.Services.Customers;

namespace Nop.Plugin.Misc.Personalization.Tests.Customers;

[TestFixture]
public class ProfileSegmentIdsTests
{
    [TestCase(new[] { 1, 2, 3 }, "1,2,3")]
    [TestCase(new int[0], null)]
    public void SegmentIdsAreStoredAsText(int[] ids, string expected)
    {
        ProfileSegmentIds.Format(ids).Should().Be(expected);
    }

    [Test]
    public void MoreSegmentIdsThanTheColumnHoldsKeepTheFirstThatFit()
    {
        var text = ProfileSegmentIds.Format(Enumerable.Range(100_000, 200).ToArray());

        text.Length.Should().BeLessThanOrEqualTo(ProfileSegmentIds.MAX_LENGTH);
        text.Split(',').Select(int.Parse).Should().Equal(Enumerable.Range(100_000, (ProfileSegmentIds.MAX_LENGTH + 1) / 7));
    }

    [Test]
    public void WhatIsStoredReadsBack()
    {
        int[] ids = [12, 3, 700];

        ProfileSegmentIds.Parse(ProfileSegmentIds.Format(ids)).Should().Equal(ids);
    }
}
