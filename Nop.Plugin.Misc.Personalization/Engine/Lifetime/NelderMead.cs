namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// Minimises a function of a few variables by the Nelder–Mead simplex (standard coefficients: reflection 1,
/// expansion 2, contraction ½, shrink ½). Deterministic: a fixed start simplex and a bounded number of iterations.
/// </summary>
public static class NelderMead
{
    public sealed record Result(double[] Point, double Value, int Iterations, bool Converged);

    public static Result Minimize(Func<double[], double> function, double[] start, double step = 0.5, int maxIterations = 2000, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(start);

        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
                points[i][i - 1] += step;
            values[i] = Evaluate(function, points[i]);
        }

        var iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
            points = order.Select(i => points[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + tolerance))
                return new Result(points[0], values[0], iteration, true);

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
                for (var d = 0; d < n; d++)
                    centroid[d] += points[i][d] / n;

            var reflected = Along(centroid, points[n], -1);
            var reflectedValue = Evaluate(function, reflected);
            if (reflectedValue < values[0])
            {
                var expanded = Along(centroid, points[n], -2);
                var expandedValue = Evaluate(function, expanded);
                (points[n], values[n]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                continue;
            }

            if (reflectedValue < values[n - 1])
            {
                (points[n], values[n]) = (reflected, reflectedValue);
                continue;
            }

            var outside = reflectedValue < values[n];
            var contracted = Along(centroid, points[n], outside ? -0.5 : 0.5);
            var contractedValue = Evaluate(function, contracted);
            if (contractedValue < (outside ? reflectedValue : values[n]))
            {
                (points[n], values[n]) = (contracted, contractedValue);
                continue;
            }

            for (var i = 1; i <= n; i++)
            {
                points[i] = Along(points[0], points[i], 0.5);
                values[i] = Evaluate(function, points[i]);
            }
        }

        var best = Array.IndexOf(values, values.Min());
        return new Result(points[best], values[best], iteration, false);
    }

    /// <summary>centroid + factor × (point − centroid).</summary>
    private static double[] Along(double[] centroid, double[] point, double factor)
    {
        var result = new double[centroid.Length];
        for (var d = 0; d < centroid.Length; d++)
            result[d] = centroid[d] + factor * (point[d] - centroid[d]);
        return result;
    }

    private static double Evaluate(Func<double[], double> function, double[] point)
    {
        var value = function(point);
        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }
}
