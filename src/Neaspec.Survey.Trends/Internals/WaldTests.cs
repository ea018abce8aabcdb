using System.Globalization;

namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// TRIM's Wald tests (TRIM 3 manual, "Wald tests"): for contrasts θ = Cβ, W = θ'(C V(β) C')⁻¹θ against
/// χ²(rows of C). Model 2: the slope (one segment, no covariates) or the change in slope at each changepoint
/// (β_k - β_k-1, over the baseline and every covariate block); model 3 without covariates: the deviations
/// γ*_j from the linear trend through the γ_j; and each covariate's effect (all its blocks).
/// </summary>
internal static class WaldTests
{
    public static List<WaldTest> Compute(TrendOptions options, CountTable table, Design design, int[] changepoints,
        double[] beta, double[] covariance)
    {
        var tests = new List<WaldTest>();
        var p = design.Count;
        var q = design.BaselineCount;
        if (options.Model == TrendModel.LinearTrend)
        {
            if (options.Changepoints.Count == 0 && design.Blocks == 1)
            {
                tests.Add(Test("slope", [Unit(p, 0)], beta, covariance));
            }
            else
            {
                for (var k = 0; k < q; k++)
                {
                    var contrasts = Enumerable.Range(0, design.Blocks).Select(block =>
                    {
                        var c = Unit(p, (block * q) + k);
                        if (k > 0)
                        {
                            c[(block * q) + k - 1] = -1;
                        }
                        return c;
                    }).ToArray();
                    tests.Add(Test(string.Create(CultureInfo.InvariantCulture, $"change in slope at {table.Years[changepoints[k]]}"),
                        contrasts, beta, covariance));
                }
            }
        }
        if (options.Model == TrendModel.TimeEffects && design.Blocks == 1 && table.YearCount >= 3)
        {
            tests.Add(Test("deviations from a linear trend", Deviations(table.YearCount), beta, covariance));
        }
        for (var c = 0; c < table.CovariateNames.Length; c++)
        {
            var first = Design.BlockStart(table, c, 1, q);
            var count = (table.CategoryNames[c].Length - 1) * q;
            tests.Add(Test($"covariate {table.CovariateNames[c]}",
                Enumerable.Range(first, count).Select(k => Unit(p, k)).ToArray(), beta, covariance));
        }
        return tests;
    }

    /// <summary>
    /// Model 3 reparameterised as a linear trend plus deviations (TRIM 3 manual, "Models"): with
    /// d_j = j - j̄ and D = Σ d_j², γ*_j = γ_j - (1/J)Σγ - d_j Σ d_k γ_k / D. The γ* sum to 0 and are
    /// orthogonal to d, so two of them follow from the others: the test uses γ*_3..γ*_J (df J - 2).
    /// β holds γ_2..γ_J (γ_1 = 0).
    /// </summary>
    private static double[][] Deviations(int years)
    {
        var mean = (years + 1) / 2.0;
        var d = Enumerable.Range(1, years).Select(j => j - mean).ToArray();
        var spread = d.Sum(x => x * x);
        var rows = new double[years - 2][];
        for (var j = 2; j < years; j++)
        {
            var row = new double[years - 1];
            for (var m = 1; m < years; m++)
            {
                row[m - 1] = (j == m ? 1 : 0) - (1.0 / years) - (d[j] * d[m] / spread);
            }
            rows[j - 2] = row;
        }
        return rows;
    }

    private static WaldTest Test(string name, double[][] contrasts, double[] beta, double[] covariance)
    {
        var n = contrasts.Length;
        var p = beta.Length;
        var theta = contrasts.Select(c => Dot(c, beta)).ToArray();
        var cv = new double[n * n];
        for (var r = 0; r < n; r++)
        {
            for (var s = 0; s < n; s++)
            {
                var sum = 0.0;
                for (var a = 0; a < p; a++)
                {
                    if (contrasts[r][a] == 0)
                    {
                        continue;
                    }
                    for (var b = 0; b < p; b++)
                    {
                        sum += contrasts[r][a] * covariance[(a * p) + b] * contrasts[s][b];
                    }
                }
                cv[(r * n) + s] = sum;
            }
        }
        var w = Spd.QuadraticInverse(cv, n, theta);
        return new WaldTest(name, w, n, ChiSquare.UpperTail(w, n));
    }

    private static double[] Unit(int p, int k)
    {
        var c = new double[p];
        c[k] = 1;
        return c;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
