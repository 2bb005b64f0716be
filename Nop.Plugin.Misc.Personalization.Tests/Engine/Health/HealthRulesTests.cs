using Nop.Plugin.Misc.Personalization.Engine.Health;
using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Tests.Engine.Health;

[TestFixture]
public class HealthRulesTests
{
    private static readonly DateTime _now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A shop where everything works.</summary>
    private static HealthFacts Working() => new()
    {
        NowUtc = _now,
        Enabled = true,
        EventsLastHour = 40,
        EventsLast24Hours = 900,
        BackfillCompleted = true,
        ModelTrainedOnUtc = _now.AddMinutes(-20),
        ModelLoaded = true,
        Zones = [new ZoneFacts("productdetails_bottom", 2, 300, 250, 30), new ZoneFacts("home_page_bottom", 1, 120, 100, 20)],
        HoldoutPercent = 10,
        EmailsEnabled = true,
        EmailTaskEnabled = true,
        EmailTaskLastSuccessUtc = _now.AddMinutes(-30)
    };

    private static HealthCheck Line(HealthFacts facts, HealthItem item) => HealthRules.Evaluate(facts).Single(check => check.Item == item);

    [Test]
    public void AWorkingShopIsGreenEverywhereAndHasNoNextStep()
    {
        var checks = HealthRules.Evaluate(Working());

        checks.Select(check => check.Item).Should().Equal(Enum.GetValues<HealthItem>());
        checks.Should().OnlyContain(check => check.State == HealthState.Good);
        HealthRules.NextStep(checks).Should().BeNull();
        Line(Working(), HealthItem.Events).Values.Should().Equal(40L, 900L);
    }

    [Test]
    public void AFreshInstallIsRedOnEventsAndModelAndTheFirstRedLineIsTheNextStep()
    {
        var fresh = new HealthFacts
        {
            NowUtc = _now,
            Enabled = true,
            Zones = [new ZoneFacts("productdetails_bottom", 2, 0, 0, 0)],
            HoldoutPercent = 10
        };

        var checks = HealthRules.Evaluate(fresh);

        //no events yet is red too, but the first red line in setup order is the one to act on
        HealthRules.NextStep(checks).Should().Be(checks[0]);
        checks.Single(c => c.Item == HealthItem.Model).Reason.Should().Be(HealthReason.NoModel);
        checks.Single(c => c.Item == HealthItem.Backfill).State.Should().Be(HealthState.Attention);
        checks.Single(c => c.Item == HealthItem.Renders).Reason.Should().Be(HealthReason.NoRendersYet);
    }

    [Test]
    public void TheEventsLineBreaksTheDayDownIntoTheKindsThatHappened()
    {
        var facts = Working() with
        {
            EventsLast24HoursByKind = new Dictionary<InteractionType, long> { [InteractionType.Purchase] = 3, [InteractionType.View] = 800, [InteractionType.Wishlist] = 0 }
        };

        Line(facts, HealthItem.Events).Breakdown.Should().Equal(
            new KeyValuePair<InteractionType, long>(InteractionType.View, 800), new KeyValuePair<InteractionType, long>(InteractionType.Purchase, 3));
    }

    [Test]
    public void ASwitchedOffPluginIsRedBeforeAnythingElse()
    {
        var facts = Working() with { Enabled = false };

        Line(facts, HealthItem.Events).Reason.Should().Be(HealthReason.PluginDisabled);
        HealthRules.NextStep(HealthRules.Evaluate(facts))!.Reason.Should().Be(HealthReason.PluginDisabled);
    }

    [TestCase(0, 0, HealthState.Problem, HealthReason.NoEventsIn24Hours)]
    [TestCase(0, 5, HealthState.Attention, HealthReason.NoEventsInTheLastHour)]
    [TestCase(1, 5, HealthState.Good, HealthReason.EventsArriving)]
    public void EventsAreJudgedOnTheLastHourAndDay(long lastHour, long lastDay, HealthState state, HealthReason reason)
    {
        var line = Line(Working() with { EventsLastHour = lastHour, EventsLast24Hours = lastDay }, HealthItem.Events);

        (line.State, line.Reason).Should().Be((state, reason));
    }

    [TestCase(30, true, HealthState.Good, HealthReason.ModelFresh)]
    [TestCase(30, false, HealthState.Attention, HealthReason.ModelNotLoaded)]
    [TestCase(180, true, HealthState.Attention, HealthReason.ModelOld)]
    [TestCase(27 * 60, true, HealthState.Problem, HealthReason.ModelStale)]
    public void TheModelIsJudgedOnItsAgeAndWhetherThisServerServesIt(int minutesOld, bool loaded, HealthState state, HealthReason reason)
    {
        var line = Line(Working() with { ModelTrainedOnUtc = _now.AddMinutes(-minutesOld), ModelLoaded = loaded }, HealthItem.Model);

        (line.State, line.Reason).Should().Be((state, reason));
    }

    [Test]
    public void AStaleModelSaysHowManyHoursOld()
    {
        Line(Working() with { ModelTrainedOnUtc = _now.AddHours(-30).AddMinutes(-10) }, HealthItem.Model).Values.Should().Equal(30L);
    }

    [Test]
    public void ZonesTheThemeDidNotRenderAreNamed()
    {
        var facts = Working() with
        {
            Zones = [new ZoneFacts("productdetails_bottom", 2, 300, 250, 30), new ZoneFacts("mytheme_zone_b", 1, 0, 0, 0), new ZoneFacts("mytheme_zone_a", 1, 0, 0, 0)]
        };

        var line = Line(facts, HealthItem.Zones);

        (line.State, line.Reason).Should().Be((HealthState.Attention, HealthReason.ZonesNotRendered));
        line.Values.Should().Equal("mytheme_zone_a, mytheme_zone_b", 3);
    }

    [Test]
    public void NoPlacementIsRed()
    {
        var line = Line(Working() with { Zones = [] }, HealthItem.Zones);

        (line.State, line.Reason).Should().Be((HealthState.Problem, HealthReason.NoPlacements));
    }

    [TestCase(49, 51, HealthState.Attention, HealthReason.MostlyHidden, 49L)]
    [TestCase(50, 50, HealthState.Good, HealthReason.RendersShowProducts, 50L)]
    public void RendersThatMostlyHideAreAmber(long shown, long hidden, HealthState state, HealthReason reason, long percent)
    {
        var line = Line(Working() with { Zones = [new ZoneFacts("home_page_bottom", 1, 100, shown, hidden)] }, HealthItem.Renders);

        (line.State, line.Reason).Should().Be((state, reason));
        line.Values.Should().Equal(percent, 100L);
    }

    [Test]
    public void NoHoldoutIsAmberBecauseLiftCannotBeMeasured()
    {
        Line(Working() with { HoldoutPercent = 0 }, HealthItem.Holdout).Reason.Should().Be(HealthReason.NoHoldout);
    }

    [TestCase(false, true, 30, HealthState.Attention, HealthReason.EmailsOff)]
    [TestCase(true, false, 30, HealthState.Problem, HealthReason.EmailTaskDisabled)]
    [TestCase(true, true, 4 * 60, HealthState.Problem, HealthReason.EmailTaskNotRunning)]
    [TestCase(true, true, 30, HealthState.Good, HealthReason.EmailsRunning)]
    public void EmailsAreJudgedOnTheSettingAndTheirTasksLastSuccess(bool enabled, bool taskEnabled, int minutesSinceSuccess, HealthState state, HealthReason reason)
    {
        var line = Line(Working() with { EmailsEnabled = enabled, EmailTaskEnabled = taskEnabled, EmailTaskLastSuccessUtc = _now.AddMinutes(-minutesSinceSuccess) },
            HealthItem.Emails);

        (line.State, line.Reason).Should().Be((state, reason));
    }

    [Test]
    public void EmailsOnWhoseTaskNeverSucceededAreRed()
    {
        Line(Working() with { EmailTaskLastSuccessUtc = null }, HealthItem.Emails).Reason.Should().Be(HealthReason.EmailTaskNotRunning);
    }

    [TestCase(false, false, 5, HealthState.Attention, HealthReason.EmailsOff)]
    [TestCase(true, false, 5, HealthState.Problem, HealthReason.CartEmailTaskDisabled)]
    [TestCase(true, true, 61, HealthState.Problem, HealthReason.CartEmailTaskNotRunning)]
    [TestCase(true, true, 5, HealthState.Good, HealthReason.CartEmailsRunning)]
    public void CartEmailsAloneAreJudgedOnTheirOwnTask(bool enabled, bool taskEnabled, int minutesSinceSuccess, HealthState state, HealthReason reason)
    {
        var line = Line(Working() with
        {
            EmailsEnabled = false,
            CartEmailsEnabled = enabled,
            CartEmailTaskEnabled = taskEnabled,
            CartEmailTaskLastSuccessUtc = _now.AddMinutes(-minutesSinceSuccess)
        }, HealthItem.Emails);

        (line.State, line.Reason).Should().Be((state, reason));
    }

    [Test]
    public void WithBothOnAStalledCartTaskTurnsTheLineRed()
    {
        var line = Line(Working() with { CartEmailsEnabled = true, CartEmailTaskEnabled = true, CartEmailTaskLastSuccessUtc = null }, HealthItem.Emails);

        (line.State, line.Reason).Should().Be((HealthState.Problem, HealthReason.CartEmailTaskNotRunning));
    }
}
