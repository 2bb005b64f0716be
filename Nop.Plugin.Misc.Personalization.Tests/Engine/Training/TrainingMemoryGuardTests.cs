using Nop.Plugin.Misc.Personalization.Engine.Training;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Training;

[TestFixture]
public class TrainingMemoryGuardTests
{
    [Test]
    public void AGigabyteHoldsAboutFiveMillionEvents() =>
        TrainingMemoryGuard.MaxEvents(1_000).Should().Be((int)(1_000L * 1024 * 1024 / TrainingMemoryGuard.BYTES_PER_EVENT)).And.Be(5_242_880);

    [TestCase(0)]
    [TestCase(-5)]
    public void NoSettingMeansTheDefault(int megabytes) =>
        TrainingMemoryGuard.MaxEvents(megabytes).Should().Be(TrainingMemoryGuard.MaxEvents(TrainingMemoryGuard.DEFAULT_MEGABYTES));

    [Test]
    public void TheLargestSettingDoesNotOverflow() =>
        TrainingMemoryGuard.MaxEvents(int.MaxValue).Should().Be(int.MaxValue);
}
