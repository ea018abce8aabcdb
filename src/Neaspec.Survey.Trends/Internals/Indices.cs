namespace Neaspec.Survey.Trends.Internals;

/// <summary>Indices τ_j = T_j / T_b against base year b, with the delta-method variance
/// V(τ_j) = d' V(T_b, T_j) d, d = (-T_j/T_b², 1/T_b) (TRIM 3 manual, "Time totals and indices"); 0 in the
/// base year, whose index is 1 by definition.</summary>
internal static class Indices
{
    public static (double[] Index, double[] Se) Compute(double[] totals, double[] covariance, int baseYear)
    {
        var n = totals.Length;
        var index = new double[n];
        var se = new double[n];
        var tb = totals[baseYear];
        for (var j = 0; j < n; j++)
        {
            index[j] = totals[j] / tb;
            if (j == baseYear)
            {
                continue;
            }
            var db = -totals[j] / (tb * tb);
            var dj = 1 / tb;
            var variance = (db * db * covariance[(baseYear * n) + baseYear])
                + (2 * db * dj * covariance[(baseYear * n) + j])
                + (dj * dj * covariance[(j * n) + j]);
            se[j] = Math.Sqrt(Math.Max(variance, 0));
        }
        return (index, se);
    }
}
