namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// TRIM's overall slope (TRIM 3 manual, "Overall slope"): the ordinary least-squares slope of ln T_j on
/// j = 1..J, b = Σ_j c_j ln T_j with c_j = (j - j̄)/Σ(j - j̄)², and its variance by the sandwich
/// V(b) = c' diag(1/T) V(T) diag(1/T) c, which takes the totals' unequal variances and covariances into
/// account. Classified by the 95 % interval of exp(b) (TRIM 3 manual, "Trend classification").
/// </summary>
internal static class Slope
{
    private const double Z95 = 1.96;
    private const double Z99 = 2.576;

    /// <summary>The slope, or null when a total is not positive (its logarithm is undefined).</summary>
    public static OverallSlope? Compute(double[] totals, double[] covariance)
    {
        var n = totals.Length;
        if (n < 2 || totals.Any(t => !(t > 0)))
        {
            return null;
        }
        var mean = (n + 1) / 2.0;
        var spread = 0.0;
        for (var j = 1; j <= n; j++)
        {
            spread += (j - mean) * (j - mean);
        }
        var c = new double[n];
        var b = 0.0;
        for (var j = 0; j < n; j++)
        {
            c[j] = (j + 1 - mean) / spread;
            b += c[j] * Math.Log(totals[j]);
        }
        var variance = 0.0;
        for (var j = 0; j < n; j++)
        {
            for (var k = 0; k < n; k++)
            {
                variance += c[j] / totals[j] * covariance[(j * n) + k] * c[k] / totals[k];
            }
        }
        var se = Math.Sqrt(Math.Max(variance, 0));
        var wald = b * b / variance;
        var (trendClass, significance) = Classify(Math.Exp(b), Math.Exp(b) * se);
        return new OverallSlope(b, se, wald, ChiSquare.UpperTail(wald, 1), trendClass, significance);
    }

    /// <summary>
    /// TRIM's classes from the 95 % interval [m - 1.96 s, m + 1.96 s] of the multiplicative slope m with
    /// standard error s: strong increase when its lower limit is above 1.05, moderate increase when above 1,
    /// steep decline when the upper limit is below 0.95, moderate decline when below 1, stable when the
    /// interval holds 1 within [0.95, 1.05], and uncertain otherwise. An increase or decline is "p&lt;0.01"
    /// when the 99 % interval (2.576 s) meets the same criterion, else "p&lt;0.05" (TRIM's ** and *).
    /// </summary>
    public static (TrendClass Class, string? Significance) Classify(double multiplicative, double se)
    {
        var at95 = Class(multiplicative - (Z95 * se), multiplicative + (Z95 * se));
        if (at95 is TrendClass.Stable or TrendClass.Uncertain)
        {
            return (at95, null);
        }
        var at99 = Class(multiplicative - (Z99 * se), multiplicative + (Z99 * se));
        return (at95, at99 == at95 ? "p<0.01" : "p<0.05");
    }

    private static TrendClass Class(double lower, double upper) =>
        lower > 1.05 ? TrendClass.StrongIncrease
        : upper < 0.95 ? TrendClass.SteepDecline
        : lower > 1 ? TrendClass.ModerateIncrease
        : upper < 1 ? TrendClass.ModerateDecline
        : lower >= 0.95 && upper <= 1.05 ? TrendClass.Stable
        : TrendClass.Uncertain;
}
