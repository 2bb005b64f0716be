namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// The BG/NBD formulas of Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way": the individual
/// log-likelihood (their eq. 6), P(alive | x, t_x, T) (eq. 11) and the expected purchases in the next t days (eq. 10).
/// </summary>
public static class BgNbdModel
{
    public static double LogLikelihood(BgNbdParameters p, PurchaseSummary c)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var x = c.Frequency;
        var a1 = SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) + r * Math.Log(alpha);
        var a2 = SpecialFunctions.LogGamma(a + b) + SpecialFunctions.LogGamma(b + x)
            - SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b + x);
        var a3 = -(r + x) * Math.Log(alpha + c.Age);
        if (x == 0)
            return a1 + a2 + a3;

        var a4 = Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + c.Recency);
        var max = Math.Max(a3, a4);
        return a1 + a2 + max + Math.Log(Math.Exp(a3 - max) + Math.Exp(a4 - max));
    }

    public static double LogLikelihood(BgNbdParameters p, IReadOnlyList<PurchaseSummary> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);

        var sum = 0.0;
        foreach (var customer in customers)
            sum += LogLikelihood(p, customer);
        return sum;
    }

    /// <summary>P(the customer has not dropped out); 1 for a customer without a repeat purchase (the model lets drop-out happen only after one).</summary>
    public static double ProbabilityAlive(BgNbdParameters p, PurchaseSummary c)
    {
        if (c.Frequency == 0)
            return 1;

        return 1 / (1 + DeadToAliveOdds(p, c));
    }

    /// <summary>Expected purchase days in the next <paramref name="days"/> days; NaN when the series does not converge.</summary>
    public static double ExpectedPurchases(BgNbdParameters p, PurchaseSummary c, double days)
    {
        if (days <= 0)
            return 0;

        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var x = c.Frequency;
        var hyper = SpecialFunctions.Hypergeometric2F1(r + x, b + x, a + b + x - 1, days / (alpha + c.Age + days));
        var numerator = (a + b + x - 1) / (a - 1)
            * (1 - Math.Pow((alpha + c.Age) / (alpha + c.Age + days), r + x) * hyper);
        var odds = x == 0 ? 0 : DeadToAliveOdds(p, c);
        return numerator / (1 + odds);
    }

    private static double DeadToAliveOdds(BgNbdParameters p, PurchaseSummary c)
    {
        var x = c.Frequency;
        return p.A / (p.B + x - 1) * Math.Exp((p.R + x) * Math.Log((p.Alpha + c.Age) / (p.Alpha + c.Recency)));
    }
}
