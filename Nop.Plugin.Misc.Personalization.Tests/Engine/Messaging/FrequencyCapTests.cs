using Nop.Plugin.Misc.Personalization.Engine.Messaging;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Messaging;

[TestFixture]
public class FrequencyCapTests
{
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [TestCase(null, true)]
    [TestCase(23.9, false)]
    [TestCase(24.0, true)]
    [TestCase(48.0, true)]
    public void OneEmailPerIntervalWhateverItsKind(double? hoursSinceLast, bool allowed)
    {
        new FrequencyCap(TimeSpan.FromHours(24)).Allows(hoursSinceLast is { } hours ? _now.AddHours(-hours) : null, _now).Should().Be(allowed);
    }

    [Test]
    public void AZeroIntervalLiftsTheCap()
    {
        new FrequencyCap(TimeSpan.Zero).Allows(_now, _now).Should().BeTrue();
    }
}
