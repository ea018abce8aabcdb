namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// Time totals and their covariance matrices (TRIM 3 manual, "Time totals and indices"; "Imputation").
/// </summary>
/// <remarks>
/// For totals T_j = Σ_i m_ij over a set of cells (a stratum, or all), with m_ij = μ_ij of the cells in the set
/// and 0 elsewhere, TRIM's delta-method covariance (α_i profiled out as a function of β) is
/// <c>V(T) = Σ_i m_i m_i'/d_i + (GF - H) E⁻¹ (GF - H)'</c>, where d_i = z'Ω_i z, F_i = z'Ω_iB_i/d_i,
/// (GF)_jk = Σ_i m_ij F_ik, H_jk = Σ_i b_ijk m_ij and E = -i_b = V(β)⁻¹.
/// The imputed total sums the counts where there are counts and μ elsewhere; its covariance replaces the
/// model part of the counted cells (the same formula with m restricted to them) by the counts' own
/// covariance σ² D^½ R D^½ (R_jk = ρ^|j-k|), as TRIM does.
/// </remarks>
internal sealed class TimeTotals
{
    private readonly CountTable table;
    private readonly Design design;
    private readonly GeeFit fit;
    private readonly double[] fitted;
    private readonly double[] informationInverse;
    private readonly int years;
    private readonly int p;

    public TimeTotals(CountTable table, Design design, GeeFit fit, double[] fitted, double[] informationInverse)
    {
        this.table = table;
        this.design = design;
        this.fit = fit;
        this.fitted = fitted;
        this.informationInverse = informationInverse;
        years = table.YearCount;
        p = design.Count;
    }

    /// <summary>Model and imputed totals, and their J x J covariances (row-major), over the cells where
    /// <paramref name="member"/> is true.</summary>
    public (double[] Model, double[] ModelCovariance, double[] Imputed, double[] ImputedCovariance) Compute(Func<int, int, bool> member)
    {
        var all = new double[fitted.Length];
        var observed = new double[fitted.Length];
        var model = new double[years];
        var imputed = new double[years];
        for (var i = 0; i < table.SiteCount; i++)
        {
            for (var j = 0; j < years; j++)
            {
                var cell = (i * years) + j;
                if (!member(i, j))
                {
                    continue;
                }
                all[cell] = fitted[cell];
                model[j] += fitted[cell];
                var counted = table.IsObserved(i, j);
                observed[cell] = counted ? fitted[cell] : 0;
                imputed[j] += counted ? table.Counts[cell] : fitted[cell];
            }
        }
        var modelCovariance = Covariance(all);
        var modelPartOfCounts = Covariance(observed);
        var countsCovariance = CountsCovariance(observed);
        var imputedCovariance = new double[years * years];
        for (var k = 0; k < imputedCovariance.Length; k++)
        {
            imputedCovariance[k] = modelCovariance[k] - modelPartOfCounts[k] + countsCovariance[k];
        }
        return (model, modelCovariance, imputed, imputedCovariance);
    }

    /// <summary>Σ_i m_i m_i'/d_i + (GF - H) E⁻¹ (GF - H)' for cell weights m (site-major).</summary>
    private double[] Covariance(double[] m)
    {
        var covariance = new double[years * years];
        var gfMinusH = new double[years * p];
        for (var i = 0; i < table.SiteCount; i++)
        {
            var d = fit.SiteD[i];
            var rows = design.RowsOf(i);
            for (var j = 0; j < years; j++)
            {
                var mij = m[(i * years) + j];
                if (mij == 0)
                {
                    continue;
                }
                for (var k = 0; k < years; k++)
                {
                    covariance[(j * years) + k] += mij * m[(i * years) + k] / d;
                }
                var row = gfMinusH.AsSpan(j * p, p);
                for (var b = 0; b < p; b++)
                {
                    row[b] += mij * fit.SiteU[(i * p) + b] / d;
                }
                rows.AddTo(j, -mij, row);
            }
        }
        // + A E⁻¹ A' with A = GF - H (J x p).
        var aEinv = new double[years * p];
        for (var j = 0; j < years; j++)
        {
            for (var b = 0; b < p; b++)
            {
                var sum = 0.0;
                for (var c = 0; c < p; c++)
                {
                    sum += gfMinusH[(j * p) + c] * informationInverse[(c * p) + b];
                }
                aEinv[(j * p) + b] = sum;
            }
        }
        for (var j = 0; j < years; j++)
        {
            for (var k = 0; k < years; k++)
            {
                var sum = 0.0;
                for (var b = 0; b < p; b++)
                {
                    sum += aEinv[(j * p) + b] * gfMinusH[(k * p) + b];
                }
                covariance[(j * years) + k] += sum;
            }
        }
        return covariance;
    }

    /// <summary>Σ_i σ² D_i^½ R D_i^½ over the counted cells (m = μ there, 0 elsewhere).</summary>
    private double[] CountsCovariance(double[] observed)
    {
        var covariance = new double[years * years];
        var rho = fit.Rho;
        for (var i = 0; i < table.SiteCount; i++)
        {
            for (var j = 0; j < years; j++)
            {
                var a = observed[(i * years) + j];
                if (a == 0)
                {
                    continue;
                }
                for (var k = 0; k < years; k++)
                {
                    var b = observed[(i * years) + k];
                    if (b == 0 || (j != k && rho == 0))
                    {
                        continue;
                    }
                    covariance[(j * years) + k] += fit.Sigma2 * Math.Sqrt(a * b) * Math.Pow(rho, Math.Abs(j - k));
                }
            }
        }
        return covariance;
    }
}
