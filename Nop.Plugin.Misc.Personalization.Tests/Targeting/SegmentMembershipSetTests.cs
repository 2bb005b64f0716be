using Nop.Plugin.Misc.Personalization.Services.Customers;
using Nop.Plugin.Misc.Personalization.Services.Targeting;

namespace Nop.Plugin.Misc.Personalization.Tests.Targeting;

[TestFixture]
public class SegmentMembershipSetTests
{
    private static SegmentMembershipSet Build(params (int StoreId, int CustomerId, string SegmentIds)[] rows)
    {
        var builder = new SegmentMembershipBuilder();
        foreach (var (storeId, customerId, segmentIds) in rows)
            builder.Add(storeId, customerId, segmentIds);
        return builder.Build();
    }

    [Test]
    public void ACustomerIsAMemberOfTheStoredSegmentsInThatStoreOnly()
    {
        var set = Build((1, 42, "3,7,12"), (2, 42, "9"));

        set.IsMember(1, 42, 7).Should().BeTrue();
        set.IsMember(1, 42, 9).Should().BeFalse();
        set.IsMember(2, 42, 9).Should().BeTrue();
        set.IsMember(2, 42, 7).Should().BeFalse();
        set.IsMember(3, 42, 7).Should().BeFalse();
        set.IsMember(1, 43, 7).Should().BeFalse();
        set.SegmentsOf(1, 42).Should().Equal(3, 7, 12);
        set.SegmentsOf(1, 43).Should().BeEmpty();
        set.Customers.Should().Be(2);
    }

    [Test]
    public void StoreAndCustomerIdsDoNotCollideInTheKey()
    {
        var set = Build((1, 2, "5"), (2, 1, "6"), (0, int.MaxValue, "7"));

        set.IsMember(1, 2, 5).Should().BeTrue();
        set.IsMember(2, 1, 5).Should().BeFalse();
        set.IsMember(2, 1, 6).Should().BeTrue();
        set.IsMember(0, int.MaxValue, 7).Should().BeTrue();
        set.IsMember(1, int.MaxValue, 7).Should().BeFalse();
    }

    [TestCase("3,7", new[] { 3, 7 })]
    [TestCase(" 3, 7 ,", new[] { 3, 7 })]
    [TestCase("7,3,7", new[] { 7, 3 })]
    [TestCase("x,,4,-2,0,2147483648", new[] { 4 })]
    [TestCase("", new int[0])]
    [TestCase(null, new int[0])]
    public void StoredIdListsAreReadLeniently(string text, int[] expected)
    {
        ProfileSegmentIds.Parse(text).Should().Equal(expected);
    }

    [Test]
    public void RowsWithoutAValidSegmentOrCustomerAreNotHeld()
    {
        var builder = new SegmentMembershipBuilder();

        builder.Add(1, 5, null).Should().BeFalse();
        builder.Add(1, 5, "x,,").Should().BeFalse();
        builder.Add(1, 0, "3").Should().BeFalse();
        builder.Add(1, 6, "3").Should().BeTrue();

        builder.Build().Customers.Should().Be(1);
    }

    [Test]
    public void CustomersWithTheSameSegmentsShareOneArray()
    {
        var set = Build((1, 1, "3,7"), (1, 2, "3,7"), (1, 3, "3"), (2, 1, "3,7"));

        set.DistinctCombinations.Should().Be(2);
        set.SegmentsOf(1, 1).Should().Equal(set.SegmentsOf(1, 2));
    }

    [Test]
    public void TheHolderTellsNotLoadedFromLoadedWithNobody()
    {
        var membership = new SegmentMembership();

        membership.IsLoaded.Should().BeFalse();
        membership.IsMember(1, 1, 1).Should().BeFalse();
        membership.SegmentsOf(1, 1).Should().BeEmpty();

        membership.Replace(SegmentMembershipSet.Empty);
        membership.IsLoaded.Should().BeTrue();
        membership.Customers.Should().Be(0);

        membership.Replace(Build((1, 1, "4")));
        membership.IsMember(1, 1, 4).Should().BeTrue();
        membership.Customers.Should().Be(1);
    }
}
