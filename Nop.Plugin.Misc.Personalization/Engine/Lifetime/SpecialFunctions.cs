namespace Nop.Plugin.Misc.Personalization.Engine.Lifetime;

/// <summary>
/// The two special functions the BG/NBD model needs and .NET lacks: ln Γ and the Gauss hypergeometric ₂F₁.
/// </summary>
public static class SpecialFunctions
{
    private static readonly double[] _lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7; about 15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
            throw new ArgumentOutOfRangeException(nameof(x), "ln Γ is defined here for positive arguments only.");

        if (x < 0.5)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);

        x -= 1;
        var sum = _lanczos[0];
        for (var i = 1; i < _lanczos.Length; i++)
            sum += _lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>
    /// ₂F₁(a, b; c; z) by its power series, for 0 ≤ z &lt; 1 and c &gt; 0 (where the series converges); NaN when
    /// it has not converged within <paramref name="maxTerms"/> terms.
    /// </summary>
    public static double Hypergeometric2F1(double a, double b, double c, double z, int maxTerms = 100_000)
    {
        if (z < 0 || z >= 1)
            throw new ArgumentOutOfRangeException(nameof(z), "The series is used for 0 ≤ z < 1 only.");
        if (!(c > 0))
            throw new ArgumentOutOfRangeException(nameof(c), "c must be positive.");

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < maxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum))
                return sum;
        }

        return double.NaN;
    }
}
