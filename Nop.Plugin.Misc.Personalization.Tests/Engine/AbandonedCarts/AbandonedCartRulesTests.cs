using Nop.Plugin.Misc.Personalization.Engine.AbandonedCarts;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.AbandonedCarts;

[TestFixture]
public class AbandonedCartRulesTests
{
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AbandonedCartRules _firstOnly = new(TimeSpan.FromMinutes(60), null, TimeSpan.FromDays(7));
    private static readonly AbandonedCartRules _withSecond = _firstOnly with { SecondDelay = TimeSpan.FromHours(24) };

    private static AbandonedCart Cart(double minutesIdle, int quantity = 1) =>
        new(1, 1, [new CartLine(10, string.Empty, quantity)], _now.AddMinutes(-minutesIdle));

    private static CartReminderRecord Sent(AbandonedCart cart, double hoursAgo, double? secondHoursAgo = null) =>
        new(cart.Fingerprint, _now.AddHours(-hoursAgo), secondHoursAgo is { } second ? _now.AddHours(-second) : null);

    [TestCase(59, AbandonedCartStep.None)]
    [TestCase(60, AbandonedCartStep.First)]
    [TestCase(7 * 24 * 60, AbandonedCartStep.First)]
    [TestCase(7 * 24 * 60 + 1, AbandonedCartStep.None)]
    public void TheFirstReminderWaitsForTheDelayAndSkipsCartsForgottenForWeeks(double minutesIdle, AbandonedCartStep expected)
    {
        _firstOnly.Decide(Cart(minutesIdle), null, null, _now).Should().Be(expected);
    }

    [Test]
    public void AnOrderAtOrAfterTheLastChangeMeansNoReminder()
    {
        var cart = Cart(120);

        _firstOnly.Decide(cart, cart.LastChangedUtc, null, _now).Should().Be(AbandonedCartStep.None);
        _firstOnly.Decide(cart, cart.LastChangedUtc.AddMinutes(-1), null, _now).Should().Be(AbandonedCartStep.First);
    }

    [Test]
    public void AnEmptyCartGetsNothing()
    {
        _firstOnly.Decide(new AbandonedCart(1, 1, [], _now.AddHours(-2)), null, null, _now).Should().Be(AbandonedCartStep.None);
        _firstOnly.Decide(Cart(120, quantity: 0), null, null, _now).Should().Be(AbandonedCartStep.None);
    }

    [Test]
    public void AnEmailedStateIsNotEmailedAgainButAChangedOneIs()
    {
        var cart = Cart(120);
        var changed = Cart(120, quantity: 2);

        _firstOnly.Decide(cart, null, Sent(cart, 1), _now).Should().Be(AbandonedCartStep.None);
        _firstOnly.Decide(cart, null, Sent(cart, 100), _now).Should().Be(AbandonedCartStep.None);
        _firstOnly.Decide(changed, null, Sent(cart, 1), _now).Should().Be(AbandonedCartStep.First);
    }

    [TestCase(23.9, null, AbandonedCartStep.None)]
    [TestCase(24, null, AbandonedCartStep.Second)]
    [TestCase(30, 1.0, AbandonedCartStep.None)]
    public void TheSecondReminderComesOnceAfterItsDelayWhenTurnedOn(double firstHoursAgo, double? secondHoursAgo, AbandonedCartStep expected)
    {
        var cart = new AbandonedCart(1, 1, [new CartLine(10, string.Empty, 1)], _now.AddHours(-firstHoursAgo - 1));

        _withSecond.Decide(cart, null, Sent(cart, firstHoursAgo, secondHoursAgo), _now).Should().Be(expected);
        _firstOnly.Decide(cart, null, Sent(cart, firstHoursAgo, secondHoursAgo), _now).Should().Be(AbandonedCartStep.None);
    }

    [Test]
    public void TheQueryWindowReachesBackFarEnoughForSecondReminders()
    {
        _withSecond.OldestChange(_now).Should().Be(_now.AddDays(-8));
        _firstOnly.OldestChange(_now).Should().Be(_now.AddDays(-7));
        _firstOnly.IdleSince(_now).Should().Be(_now.AddHours(-1));
    }
}
