namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>What the holdout comparison says in plain words.</summary>
public enum LiftVerdictKind
{
    /// <summary>Too few customers or buyers in a group for the normal approximation behind the interval.</summary>
    NotEnoughData,

    /// <summary>The 95 % interval of the conversion difference contains zero.</summary>
    NoMeasurableDifference,

    /// <summary>The whole interval is above zero.</summary>
    Better,

    /// <summary>The whole interval is below zero.</summary>
    Worse
}

/// <summary>
/// The verdict on treated against held-out conversion: a difference only counts when its 95 % confidence interval
/// (normal approximation of two proportions) lies on one side of zero, and only with enough customers and buyers in
/// both groups for that approximation. The relative figures divide by the held-out conversion rate.
/// </summary>
public sealed record LiftVerdict(LiftVerdictKind Kind, double RelativeLift, double RelativeLow, double RelativeHigh)
{
    public const int MIN_CUSTOMERS_PER_GROUP = 100;
    public const int MIN_BUYERS_PER_GROUP = 10;

    //two-sided 95 % normal quantile
    private const double Z95 = 1.959964;

    public static LiftVerdict Judge(LiftGroup treated, LiftGroup heldOut)
    {
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(heldOut);

        if (treated.Customers < MIN_CUSTOMERS_PER_GROUP || heldOut.Customers < MIN_CUSTOMERS_PER_GROUP
            || treated.Buyers < MIN_BUYERS_PER_GROUP || heldOut.Buyers < MIN_BUYERS_PER_GROUP)
            return new LiftVerdict(LiftVerdictKind.NotEnoughData, 0, 0, 0);

        var (low, high) = Interval(treated, heldOut);
        var baseline = heldOut.ConversionRate;
        var difference = treated.ConversionRate - baseline;
        var kind = low > 0 ? LiftVerdictKind.Better : high < 0 ? LiftVerdictKind.Worse : LiftVerdictKind.NoMeasurableDifference;

        return new LiftVerdict(kind, difference / baseline, low / baseline, high / baseline);
    }

    /// <summary>The 95 % confidence interval of the treated minus held-out conversion rate.</summary>
    public static (double Low, double High) Interval(LiftGroup treated, LiftGroup heldOut)
    {
        var t = treated.ConversionRate;
        var h = heldOut.ConversionRate;
        var standardError = Math.Sqrt(t * (1 - t) / treated.Customers + h * (1 - h) / heldOut.Customers);
        var difference = t - h;

        return (difference - Z95 * standardError, difference + Z95 * standardError);
    }
}
