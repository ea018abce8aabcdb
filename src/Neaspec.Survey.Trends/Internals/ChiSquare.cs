using MathNet.Numerics;

namespace Neaspec.Survey.Trends.Internals;

/// <summary>Upper tail of the χ² distribution, for the p-values of the goodness-of-fit and Wald tests.</summary>
internal static class ChiSquare
{
    /// <summary>P(χ²(df) &gt;= x) = Q(df/2, x/2), the regularised upper incomplete gamma function.</summary>
    public static double UpperTail(double x, int df) =>
        df <= 0 || double.IsNaN(x) ? double.NaN : x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2);
}
