using Nop.Plugin.Misc.Personalization.Engine.Interactions;

namespace Nop.Plugin.Misc.Personalization.Engine.Health;

/// <summary>
/// The owner's checklist: one line per item, green when it works, amber when it needs a look, red when
/// personalisation does not work for that reason. The first line that is not green is the next step.
/// </summary>
public static class HealthRules
{
    //the task trains hourly: one missed run is amber, a day without a model red
    public static readonly TimeSpan ModelAgeAttention = TimeSpan.FromHours(2);
    public static readonly TimeSpan ModelAgeProblem = TimeSpan.FromHours(26);
    //the reminder task runs hourly
    public static readonly TimeSpan EmailTaskAgeProblem = TimeSpan.FromHours(3);

    /// <summary>The cart task runs every 10 minutes: an hour without success is three missed runs and more.</summary>
    public static readonly TimeSpan CartEmailTaskAgeProblem = TimeSpan.FromHours(1);
    public const double MIN_SHOWN_SHARE = 0.5;

    public static IReadOnlyList<HealthCheck> Evaluate(HealthFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);

        return
        [
            Events(facts),
            Backfill(facts),
            Model(facts),
            Zones(facts),
            Renders(facts),
            Holdout(facts),
            Emails(facts)
        ];
    }

    /// <returns>The first line that is not green; null when everything is.</returns>
    public static HealthCheck NextStep(IReadOnlyList<HealthCheck> checks) =>
        checks.FirstOrDefault(check => check.State == HealthState.Problem) ?? checks.FirstOrDefault(check => check.State == HealthState.Attention);

    private static HealthCheck Events(HealthFacts facts)
    {
        if (!facts.Enabled)
            return new(HealthItem.Events, HealthState.Problem, HealthReason.PluginDisabled);
        if (facts.EventsLast24Hours == 0)
            return new(HealthItem.Events, HealthState.Problem, HealthReason.NoEventsIn24Hours);
        if (facts.EventsLastHour == 0)
            return new(HealthItem.Events, HealthState.Attention, HealthReason.NoEventsInTheLastHour, facts.EventsLast24Hours)
            {
                Breakdown = facts.EventsLast24HoursByKind.Where(kind => kind.Value > 0).OrderBy(kind => kind.Key).ToList()
            };

        return new(HealthItem.Events, HealthState.Good, HealthReason.EventsArriving, facts.EventsLastHour, facts.EventsLast24Hours)
        {
            Breakdown = facts.EventsLast24HoursByKind.Where(kind => kind.Value > 0).OrderBy(kind => kind.Key).ToList()
        };
    }

    private static HealthCheck Backfill(HealthFacts facts) => facts.BackfillCompleted
        ? new(HealthItem.Backfill, HealthState.Good, HealthReason.BackfillDone)
        : new(HealthItem.Backfill, HealthState.Attention, HealthReason.BackfillRunning);

    private static HealthCheck Model(HealthFacts facts)
    {
        if (facts.ModelTrainedOnUtc is not { } trainedOn)
            return new(HealthItem.Model, HealthState.Problem, HealthReason.NoModel);

        var age = facts.NowUtc - trainedOn;
        var hours = (long)Math.Max(Math.Floor(age.TotalHours), 0);
        if (age > ModelAgeProblem)
            return new(HealthItem.Model, HealthState.Problem, HealthReason.ModelStale, hours);
        if (!facts.ModelLoaded)
            return new(HealthItem.Model, HealthState.Attention, HealthReason.ModelNotLoaded);
        if (age > ModelAgeAttention)
            return new(HealthItem.Model, HealthState.Attention, HealthReason.ModelOld, hours);

        return new(HealthItem.Model, HealthState.Good, HealthReason.ModelFresh, (long)Math.Max(Math.Floor(age.TotalMinutes), 0));
    }

    private static HealthCheck Zones(HealthFacts facts)
    {
        if (facts.Zones.Count == 0)
            return new(HealthItem.Zones, HealthState.Problem, HealthReason.NoPlacements);

        var silent = facts.Zones.Where(zone => zone.ZoneRenders == 0).Select(zone => zone.Zone).OrderBy(zone => zone, StringComparer.Ordinal).ToList();
        if (silent.Count > 0)
            return new(HealthItem.Zones, HealthState.Attention, HealthReason.ZonesNotRendered, string.Join(", ", silent), facts.Zones.Count);

        return new(HealthItem.Zones, HealthState.Good, HealthReason.ZonesRendered, (long)facts.Zones.Count);
    }

    private static HealthCheck Renders(HealthFacts facts)
    {
        var shown = facts.Zones.Sum(zone => zone.ShownRenders);
        var total = shown + facts.Zones.Sum(zone => zone.HiddenRenders);
        if (total == 0)
            return new(HealthItem.Renders, HealthState.Attention, HealthReason.NoRendersYet);

        var percent = (long)Math.Round(100.0 * shown / total);
        return (double)shown / total < MIN_SHOWN_SHARE
            ? new(HealthItem.Renders, HealthState.Attention, HealthReason.MostlyHidden, percent, total)
            : new(HealthItem.Renders, HealthState.Good, HealthReason.RendersShowProducts, percent, total);
    }

    private static HealthCheck Holdout(HealthFacts facts) => facts.HoldoutPercent <= 0
        ? new(HealthItem.Holdout, HealthState.Attention, HealthReason.NoHoldout)
        : new(HealthItem.Holdout, HealthState.Good, HealthReason.HoldoutInPlace, (long)facts.HoldoutPercent);

    /// <summary>
    /// Replenishment reminders and abandoned-cart e-mails share the line: off only when both are off, red when either
    /// one's task is disabled or has not succeeded lately.
    /// </summary>
    private static HealthCheck Emails(HealthFacts facts)
    {
        if (!facts.EmailsEnabled && !facts.CartEmailsEnabled)
            return new(HealthItem.Emails, HealthState.Attention, HealthReason.EmailsOff);
        if (facts.EmailsEnabled && !facts.EmailTaskEnabled)
            return new(HealthItem.Emails, HealthState.Problem, HealthReason.EmailTaskDisabled);
        if (facts.EmailsEnabled && !RanLately(facts.EmailTaskLastSuccessUtc, facts.NowUtc, EmailTaskAgeProblem))
            return new(HealthItem.Emails, HealthState.Problem, HealthReason.EmailTaskNotRunning);
        if (facts.CartEmailsEnabled && !facts.CartEmailTaskEnabled)
            return new(HealthItem.Emails, HealthState.Problem, HealthReason.CartEmailTaskDisabled);
        if (facts.CartEmailsEnabled && !RanLately(facts.CartEmailTaskLastSuccessUtc, facts.NowUtc, CartEmailTaskAgeProblem))
            return new(HealthItem.Emails, HealthState.Problem, HealthReason.CartEmailTaskNotRunning);

        return facts.EmailsEnabled
            ? new(HealthItem.Emails, HealthState.Good, HealthReason.EmailsRunning, facts.EmailTaskLastSuccessUtc!.Value)
            : new(HealthItem.Emails, HealthState.Good, HealthReason.CartEmailsRunning, facts.CartEmailTaskLastSuccessUtc!.Value);
    }

    private static bool RanLately(DateTime? lastSuccessUtc, DateTime nowUtc, TimeSpan maxAge) =>
        lastSuccessUtc is { } lastRun && nowUtc - lastRun <= maxAge;
}
