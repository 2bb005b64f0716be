using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Training;

[TestFixture]
public class TrainingMemoryGuardTests
{
    [Test]
    public void AGigabyteHoldsAboutFourMillionEventsAfterTheReservation() =>
        TrainingMemoryGuard.MaxEvents(1_000).Should().Be(750 * 1024 * 1024 / TrainingMemoryGuard.BYTES_PER_EVENT).And.Be(3_932_160);

    [Test]
    public void ASmallGuardStillReadsSomeEvents() =>
        TrainingMemoryGuard.MaxEvents(4).Should().Be(1024 * 1024 / TrainingMemoryGuard.BYTES_PER_EVENT);

    [TestCase(0)]
    [TestCase(-5)]
    public void NoSettingMeansTheDefault(int megabytes) =>
        TrainingMemoryGuard.MaxEvents(megabytes).Should().Be(TrainingMemoryGuard.MaxEvents(TrainingMemoryGuard.DEFAULT_MEGABYTES));

    [Test]
    public void TheLargestSettingDoesNotOverflow() =>
        TrainingMemoryGuard.MaxEvents(int.MaxValue).Should().Be(int.MaxValue);
}
