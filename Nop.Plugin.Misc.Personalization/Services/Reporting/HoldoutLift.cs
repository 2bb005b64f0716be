using Nop.Plugin.Misc.Personalization.Engine.Measurement;

namespace Nop.Plugin.Misc.Personalization.Services.Reporting;

/// <summary>
/// Treated customers (who could see personalised widgets) against held-out ones over the report's period.
/// </summary>
/// <param name="HoldoutPercent">The holdout share now in the settings; customers are grouped by it, so a share changed
/// during the period blurs the comparison.</param>
public sealed record HoldoutLift(LiftStatus Status, int HoldoutPercent, LiftGroup Treated, LiftGroup HeldOut)
{
    public static HoldoutLift NotComputed(LiftStatus status, int holdoutPercent) =>
        new(status, holdoutPercent, new LiftGroup(0, 0, 0m), new LiftGroup(0, 0, 0m));

    /// <summary>Treated minus held-out conversion rate, in rate points (0.01 = one percentage point).</summary>
    public double ConversionDifference => Treated.ConversionRate - HeldOut.ConversionRate;

    /// <summary>
    /// The 95 % confidence interval of <see cref="ConversionDifference"/> (normal approximation of two proportions);
    /// null while either group is empty.
    /// </summary>
    public (double Low, double High)? ConversionDifferenceInterval
    {
        get
        {
            if (Treated.Customers == 0 || HeldOut.Customers == 0)
                return null;

            return LiftVerdict.Interval(Treated, HeldOut);
        }
    }

    /// <summary>The comparison in plain words; "not enough data" unless it was computed.</summary>
    public LiftVerdict Verdict => Status == LiftStatus.Computed ? LiftVerdict.Judge(Treated, HeldOut) : new LiftVerdict(LiftVerdictKind.NotEnoughData, 0, 0, 0);

    /// <summary>Treated revenue per customer relative to held-out (0.10 = 10 % more); null when held-out customers spent nothing.</summary>
    public double? RevenuePerCustomerLift =>
        HeldOut.RevenuePerCustomer == 0m ? null : (double)(Treated.RevenuePerCustomer / HeldOut.RevenuePerCustomer) - 1d;
}
