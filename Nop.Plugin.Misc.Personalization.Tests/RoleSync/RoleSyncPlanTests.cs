using Nop.Plugin.Misc.Personalization.Services.RoleSync;

namespace Nop.Plugin.Misc.Personalization.Tests.RoleSync;

[TestFixture]
public class RoleSyncPlanTests
{
    [Test]
    public void ThePlanIsExactlyTheDifferenceInAscendingOrder()
    {
        var plan = RoleSyncPlan.Create(target: [9, 3, 5, 1], current: [8, 1, 2, 5], maxChanges: 100);

        plan.Remove.Should().Equal(2, 8);
        plan.Add.Should().Equal(3, 9);
        plan.Left.Should().Be(0);
    }

    [Test]
    public void NothingToDoWhenTheRoleAlreadyMatches()
    {
        var plan = RoleSyncPlan.Create([4, 2, 2], [2, 4], 10);

        (plan.Remove.Count, plan.Add.Count, plan.Left).Should().Be((0, 0, 0));
    }

    [TestCase(0, 0, 0, 7)]
    [TestCase(2, 2, 0, 5)]
    [TestCase(4, 3, 1, 3)]
    [TestCase(7, 3, 4, 0)]
    [TestCase(50, 3, 4, 0)]
    public void TheBoundCountsAdditionsAndRemovalsTogetherRemovalsFirst(int maxChanges, int removed, int added, int left)
    {
        var plan = RoleSyncPlan.Create(target: [1, 2, 3, 4], current: [10, 11, 12], maxChanges);

        (plan.Remove.Count, plan.Add.Count, plan.Left).Should().Be((removed, added, left));
        plan.Remove.Should().Equal(new[] { 10, 11, 12 }.Take(removed));
        plan.Add.Should().Equal(new[] { 1, 2, 3, 4 }.Take(added));
    }

    [Test]
    public void ANegativeBoundIsAMistake()
    {
        FluentActions.Invoking(() => RoleSyncPlan.Create([1], [], -1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
