namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// Fits (r, α, a, b) by maximum likelihood: Nelder–Mead on the logarithms of the parameters (so they stay positive),
/// started at r = 1, α = mean age, a = 1, b = 1, then restarted once from the result (a simplex can stall).
/// </summary>
public static class BgNbdFitter
{
    /// <summary>The fitted parameters, or null when the store lacks the history (see <see cref="LifetimeOptions"/>) or the fit fails.</summary>
    public static BgNbdParameters? Fit(IReadOnlyList<PurchaseSummary> customers, LifetimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(options);

        if (!HasEnoughHistory(customers, options))
            return null;

        var compressed = customers.GroupBy(c => c).Select(g => (Summary: g.Key, Count: g.Count())).ToArray();
        double NegativeLogLikelihood(double[] logs)
        {
            var p = FromLogs(logs);
            var sum = 0.0;
            foreach (var (summary, count) in compressed)
                sum += count * BgNbdModel.LogLikelihood(p, summary);
            return -sum / customers.Count;
        }

        var start = new[] { 0.0, Math.Log(Math.Max(1, customers.Average(c => c.Age))), 0.0, 0.0 };
        var first = NelderMead.Minimize(NegativeLogLikelihood, start, step: 1, maxIterations: options.MaxIterations);
        var second = NelderMead.Minimize(NegativeLogLikelihood, first.Point, step: 0.1, maxIterations: options.MaxIterations);
        var parameters = FromLogs(second.Point);
        return double.IsFinite(second.Value) && IsUsable(parameters) ? parameters : null;
    }

    public static bool HasEnoughHistory(IReadOnlyList<PurchaseSummary> customers, LifetimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(options);

        return customers.Count >= options.MinCustomers && customers.Count(c => c.Frequency > 0) >= options.MinRepeatCustomers;
    }

    private static BgNbdParameters FromLogs(double[] logs)
    {
        return new BgNbdParameters(Math.Exp(logs[0]), Math.Exp(logs[1]), Math.Exp(logs[2]), Math.Exp(logs[3]));
    }

    private static bool IsUsable(BgNbdParameters p)
    {
        return new[] { p.R, p.Alpha, p.A, p.B }.All(v => double.IsFinite(v) && v > 1e-8 && v < 1e8);
    }
}
