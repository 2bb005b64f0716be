using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Measurement;

[TestFixture]
public class HoldoutAssignmentTests
{
    private const int SAMPLE = 100_000;

    /// <summary>
    /// Computed outside .NET (Python: sha256(salt + uuid.bytes_le), first 8 bytes big-endian, mod 10000), so the
    /// assignment is pinned to its definition and not to this process's runtime.
    /// </summary>
    [TestCase("00000000-0000-0000-0000-000000000001", 7577)]
    [TestCase("6f9619ff-8b86-d011-b42d-00c04fc964ff", 4148)]
    [TestCase("c56a4180-65aa-42ec-a945-5fd21dec0538", 7687)]
    [TestCase("d3b07384-d9a0-4c9b-8b0e-1f2e3d4c5b6a", 5246)]
    public void BucketMatchesTheDefinitionComputedElsewhere(string guid, int expectedBucket)
    {
        HoldoutAssignment.Bucket(Guid.Parse(guid)).Should().Be(expectedBucket);
    }

    [Test]
    public void AssignmentIsStableAcrossCalls()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var guid = RandomGuid(random);
            var first = HoldoutAssignment.IsHeldOut(guid, 10);

            HoldoutAssignment.IsHeldOut(new Guid(guid.ToString()), 10).Should().Be(first);
        }
    }

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(25)]
    [TestCase(50)]
    public void RealisedShareIsWithinOnePointOfThePercent(int percent)
    {
        var random = new Random(percent);
        var heldOut = 0;
        for (var i = 0; i < SAMPLE; i++)
        {
            if (HoldoutAssignment.IsHeldOut(RandomGuid(random), percent))
                heldOut++;
        }

        (100d * heldOut / SAMPLE).Should().BeApproximately(percent, 1d);
    }

    [Test]
    public void ZeroPercentHoldsOutNobody()
    {
        var random = new Random(3);

        Enumerable.Range(0, SAMPLE).Select(_ => RandomGuid(random)).Should().NotContain(guid => HoldoutAssignment.IsHeldOut(guid, 0));
    }

    [Test]
    public void RaisingThePercentNeverMovesAnyoneOutOfTheHoldout()
    {
        var random = new Random(11);
        var guids = Enumerable.Range(0, 20_000).Select(_ => RandomGuid(random)).ToList();

        var movedOut = new List<string>();
        var heldOutAtSomeStep = 0;
        for (var percent = 1; percent <= 50; percent++)
        {
            foreach (var guid in guids.Where(guid => HoldoutAssignment.IsHeldOut(guid, percent - 1)))
            {
                heldOutAtSomeStep++;
                if (!HoldoutAssignment.IsHeldOut(guid, percent))
                    movedOut.Add($"{guid} at {percent - 1} % → {percent} %");
            }
        }

        heldOutAtSomeStep.Should().BeGreaterThan(100_000, "the check must have looked at many held-out customers");
        movedOut.Should().BeEmpty();
    }

    [Test]
    public void TheEmptyGuidIsNeverHeldOut()
    {
        HoldoutAssignment.IsHeldOut(Guid.Empty, 50).Should().BeFalse();
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
