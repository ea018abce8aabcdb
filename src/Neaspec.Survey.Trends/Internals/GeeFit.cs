namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// TRIM's estimation (TRIM 3 manual, "Estimation"; rtrim's trim_workhorse follows the same scheme): α and β
/// are found by iterating (1) α_i given β from the site's estimating equation, (2) the Pearson residuals,
/// σ² and ρ, (3) the covariance V_i = σ² D_i^½ R_i D_i^½ (D_i = diag μ_i) and Ω_i = D_i V_i⁻¹ D_i, and (4) a
/// Fisher-scoring step for β, halved while it worsens the likelihood ratio. The first three iterations are
/// Poisson maximum likelihood (σ² = 1, ρ = 0), then generalised estimating equations (GEE) when
/// overdispersion or serial correlation is asked for, as TRIM does; it stops when the proposed change of β
/// and the change of ρ are both below the tolerance.
/// </summary>
/// <remarks>
/// Everything per site is expressed through Ω_i, which is diagonal without serial correlation and
/// tridiagonal with it (<see cref="Ar1Precision"/>): V_i⁻¹ = D_i⁻¹ Ω_i D_i⁻¹.
/// </remarks>
internal sealed class GeeFit
{
    private const int MaxHalvings = 7;
    private readonly Design design;
    private readonly bool overdispersion;
    private readonly bool serialCorrelation;
    private readonly int siteCount;
    private readonly int p;
    private readonly int[] start;
    private readonly int[] time;
    private readonly double[] f;
    private readonly double[] mu;
    private readonly double[] muOmega;
    private readonly double[] omegaDiagonal;
    private readonly double[] omegaOff;

    public GeeFit(CountTable table, Design design, bool overdispersion, bool serialCorrelation)
    {
        this.design = design;
        this.overdispersion = overdispersion;
        this.serialCorrelation = serialCorrelation;
        siteCount = table.SiteCount;
        p = design.Count;
        var years = table.YearCount;
        start = new int[siteCount + 1];
        var times = new List<int>();
        var counts = new List<double>();
        for (var i = 0; i < siteCount; i++)
        {
            start[i] = times.Count;
            for (var j = 0; j < years; j++)
            {
                if (table.IsObserved(i, j))
                {
                    times.Add(j);
                    counts.Add(table.Counts[(i * years) + j]);
                }
            }
        }
        start[siteCount] = times.Count;
        time = [.. times];
        f = [.. counts];
        mu = new double[f.Length];
        muOmega = new double[f.Length];
        omegaDiagonal = new double[f.Length];
        omegaOff = new double[f.Length];
        Alpha = new double[siteCount];
        Beta = new double[p];
        SiteD = new double[siteCount];
        SiteU = new double[siteCount * p];
        Information = new double[p * p];
        // rtrim's start: α_i = ln(Σ_j f_ij / J), β = 0 (no change).
        for (var i = 0; i < siteCount; i++)
        {
            var sum = 0.0;
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                sum += f[k];
            }
            Alpha[i] = Math.Log(sum / years);
        }
    }

    public double[] Alpha { get; }

    public double[] Beta { get; }

    /// <summary>σ² in use (1 unless overdispersion is estimated).</summary>
    public double Sigma2 { get; private set; } = 1;

    /// <summary>ρ in use (0 unless serial correlation is estimated).</summary>
    public double Rho { get; private set; }

    public int Iterations { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>E = -i_b = Σ_i B_i'(Ω_i - Ω_i z z' Ω_i / d_i)B_i at the estimates (p x p); E⁻¹ = V(β).</summary>
    public double[] Information { get; }

    /// <summary>d_i = z'Ω_i z (z = ones) at the estimates.</summary>
    public double[] SiteD { get; }

    /// <summary>B_i'Ω_i z per site (site-major, p each) at the estimates.</summary>
    public double[] SiteU { get; }

    public int ObservedCount => f.Length;

    /// <summary>Runs the iterations. False when the information matrix is singular (the counts do not
    /// identify the time parameters) or the estimates leave the finite numbers.</summary>
    public bool Run(double tolerance, int maxIterations)
    {
        var useGee = overdispersion || serialCorrelation;
        var gee = false;
        var oldRho = Rho;
        UpdateMu();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Iterations = iteration;
            // TRIM's start: three Poisson iterations, then GEE.
            if (iteration == 4)
            {
                gee = useGee;
            }
            if (!UpdateAlpha(gee))
            {
                return false;
            }
            UpdateMu();
            if (gee)
            {
                UpdateDispersion();
            }
            if (serialCorrelation && Math.Abs(Rho) >= 1)
            {
                return false;
            }
            BuildOmega(gee);
            if (UpdateBeta(gee, tolerance) is not { } step)
            {
                return false;
            }
            var converged = iteration > 1 && step < tolerance && Math.Abs(Rho - oldRho) < tolerance;
            oldRho = Rho;
            if (converged && gee == useGee)
            {
                Converged = true;
                break;
            }
            if (converged)
            {
                gee = true;
            }
        }
        BuildOmega(gee);
        return Score(out _) is not null;
    }

    /// <summary>μ_ij = exp(α_i + b_ij'β) of every cell, [i * J + j].</summary>
    public double[] FittedAll(int years)
    {
        var all = new double[siteCount * years];
        for (var i = 0; i < siteCount; i++)
        {
            var rows = design.RowsOf(i);
            for (var j = 0; j < years; j++)
            {
                all[(i * years) + j] = Math.Exp(Alpha[i] + rows.Dot(j, Beta));
            }
        }
        return all;
    }

    /// <summary>2 Σ f ln(f/μ) over the positive observed counts (TRIM 3 manual, "Goodness of fit").</summary>
    public double LikelihoodRatio()
    {
        var sum = 0.0;
        for (var k = 0; k < f.Length; k++)
        {
            if (f[k] > 0)
            {
                sum += f[k] * Math.Log(f[k] / mu[k]);
            }
        }
        return 2 * sum;
    }

    /// <summary>Pearson's Σ (f - μ)²/μ over the observed counts.</summary>
    public double ChiSquare()
    {
        var sum = 0.0;
        for (var k = 0; k < f.Length; k++)
        {
            sum += (f[k] - mu[k]) * (f[k] - mu[k]) / mu[k];
        }
        return sum;
    }

    private void UpdateMu()
    {
        for (var i = 0; i < siteCount; i++)
        {
            var rows = design.RowsOf(i);
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                mu[k] = Math.Exp(Alpha[i] + rows.Dot(time[k], Beta));
            }
        }
    }

    /// <summary>
    /// α_i from the site's estimating equation z_i'(f_i - μ_i) = 0: α_i = ln(z_i'f_i) - ln(z_i'exp(B_iβ)),
    /// with z_i = 1 under Poisson and z_i' = μ_i'V_i⁻¹ under GEE (TRIM 3 manual, "Estimation"). With serial
    /// correlation z can weigh a count negatively; when z'f is not positive the site falls back to TRIM's
    /// classic update α_i += ln(Σf_i / Σμ_i).
    /// </summary>
    private bool UpdateAlpha(bool gee)
    {
        for (var i = 0; i < siteCount; i++)
        {
            var rows = design.RowsOf(i);
            double zf = 0, ze = 0, sumF = 0, sumMu = 0;
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                var z = gee ? GeeWeight(i, k) : 1;
                zf += z * f[k];
                ze += z * Math.Exp(rows.Dot(time[k], Beta));
                sumF += f[k];
                sumMu += mu[k];
            }
            if (zf > 0 && ze > 0)
            {
                Alpha[i] = Math.Log(zf) - Math.Log(ze);
            }
            else if (sumF / sumMu > 1e-7)
            {
                Alpha[i] += Math.Log(sumF / sumMu);
            }
            if (!double.IsFinite(Alpha[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>(μ'V⁻¹)_k = Σ_l (μ_l / μV_l) Ω_lk / μV_k, V built at μV (the μ of the last
    /// <see cref="BuildOmega"/>).</summary>
    private double GeeWeight(int site, int k)
    {
        var sum = omegaDiagonal[k] * mu[k] / muOmega[k];
        if (k > start[site])
        {
            sum += omegaOff[k - 1] * mu[k - 1] / muOmega[k - 1];
        }
        if (k + 1 < start[site + 1])
        {
            sum += omegaOff[k] * mu[k + 1] / muOmega[k + 1];
        }
        return sum / muOmega[k];
    }

    /// <summary>
    /// σ² = Σ r_ij² / (n - sites - p) and ρ = Σ r_ij r_i,j+1 / (pairs σ²) over the Pearson residuals
    /// r_ij = (f_ij - μ_ij)/√μ_ij of the observed cells; ρ's sum runs over pairs of consecutive years that
    /// are both counted (TRIM 3 manual, "Overdispersion and serial correlation"). As TRIM, ρ is scaled by
    /// the estimated σ² even when σ² itself is then held at 1.
    /// </summary>
    private void UpdateDispersion()
    {
        var sumSquares = 0.0;
        for (var k = 0; k < f.Length; k++)
        {
            sumSquares += (f[k] - mu[k]) * (f[k] - mu[k]) / mu[k];
        }
        var df = f.Length - siteCount - p;
        var sigma2 = df > 0 ? sumSquares / df : 1;
        if (serialCorrelation)
        {
            double sum = 0;
            var pairs = 0;
            for (var i = 0; i < siteCount; i++)
            {
                for (var k = start[i]; k + 1 < start[i + 1]; k++)
                {
                    if (time[k + 1] == time[k] + 1)
                    {
                        sum += (f[k] - mu[k]) / Math.Sqrt(mu[k]) * (f[k + 1] - mu[k + 1]) / Math.Sqrt(mu[k + 1]);
                        pairs++;
                    }
                }
            }
            Rho = pairs > 0 ? sum / (pairs * sigma2) : 0;
        }
        Sigma2 = overdispersion ? sigma2 : 1;
    }

    /// <summary>Ω_i = D_i V_i⁻¹ D_i = D_i^½ R_i⁻¹ D_i^½ / σ²; under Poisson (ML) diag(μ_i).</summary>
    private void BuildOmega(bool gee)
    {
        Array.Copy(mu, muOmega, mu.Length);
        for (var i = 0; i < siteCount; i++)
        {
            var from = start[i];
            var n = start[i + 1] - from;
            if (gee && Rho != 0)
            {
                Ar1Precision.Fill(time.AsSpan(from, n), Rho, omegaDiagonal.AsSpan(from, n), omegaOff.AsSpan(from, n));
            }
            else
            {
                omegaDiagonal.AsSpan(from, n).Fill(1);
                omegaOff.AsSpan(from, n).Clear();
            }
            var sigma2 = gee ? Sigma2 : 1;
            for (var k = from; k < from + n; k++)
            {
                omegaDiagonal[k] *= mu[k] / sigma2;
                if (k + 1 < from + n)
                {
                    omegaOff[k] *= Math.Sqrt(mu[k] * mu[k + 1]) / sigma2;
                }
            }
        }
    }

    /// <summary>
    /// One Fisher-scoring step β ← β + E⁻¹U with U = Σ_i B_i'D_iV_i⁻¹(f_i - μ_i) and E = -i_b (TRIM 3 manual,
    /// "Estimation"), halved up to seven times while the likelihood ratio grows (rtrim's safeguard). Returns
    /// the largest element of the proposed change, or null when E is singular.
    /// </summary>
    private double? UpdateBeta(bool gee, double tolerance)
    {
        if (Score(out var score) is not { } factor)
        {
            return null;
        }
        if (p == 0)
        {
            return 0;
        }
        var change = Spd.Solve(factor, p, score);
        var before = (double[])Beta.Clone();
        var likelihood0 = LikelihoodRatio();
        var stepSize = 1.0;
        for (var halving = 0; halving < MaxHalvings; halving++)
        {
            for (var k = 0; k < p; k++)
            {
                Beta[k] = before[k] + (stepSize * change[k]);
            }
            UpdateMu();
            if (!UpdateAlpha(gee))
            {
                return null;
            }
            UpdateMu();
            var likelihood = LikelihoodRatio();
            // rtrim accepts lik < (1 + tol) lik0; the absolute tol lets a perfect fit (LR = 0) through.
            if (double.IsFinite(likelihood) && likelihood < (likelihood0 * (1 + tolerance)) + tolerance)
            {
                break;
            }
            stepSize /= 2;
        }
        return change.Max(Math.Abs);
    }

    /// <summary>
    /// U, and E = Σ_i [B_i'Ω_iB_i - u_i u_i'/d_i] with u_i = B_i'Ω_i z and d_i = z'Ω_i z (TRIM 3 manual,
    /// "Estimation": -i_b = Σ_i B_i'(Ω_i - Ω_i z z'Ω_i/d_i)B_i, which profiles the α_i out). Keeps d_i, u_i
    /// and E for the variances of the totals; returns E's Cholesky factor, or null when it is singular.
    /// </summary>
    private double[]? Score(out double[] score)
    {
        score = new double[p];
        Array.Clear(Information);
        Array.Clear(SiteU);
        for (var i = 0; i < siteCount; i++)
        {
            var rows = design.RowsOf(i);
            var u = SiteU.AsSpan(i * p, p);
            var d = 0.0;
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                var first = k == start[i];
                var last = k + 1 == start[i + 1];
                var w = omegaDiagonal[k] + (first ? 0 : omegaOff[k - 1]) + (last ? 0 : omegaOff[k]);
                var e = omegaDiagonal[k] * Residual(k) + (first ? 0 : omegaOff[k - 1] * Residual(k - 1))
                    + (last ? 0 : omegaOff[k] * Residual(k + 1));
                d += w;
                rows.AddTo(time[k], e, score);
                rows.AddTo(time[k], w, u);
                rows.AddOuter(time[k], time[k], omegaDiagonal[k], Information, p);
                if (!last)
                {
                    rows.AddOuter(time[k], time[k + 1], omegaOff[k], Information, p);
                }
            }
            SiteD[i] = d;
            for (var a = 0; a < p; a++)
            {
                if (u[a] == 0)
                {
                    continue;
                }
                var ua = u[a] / d;
                for (var b = 0; b < p; b++)
                {
                    Information[(a * p) + b] -= ua * u[b];
                }
            }
        }
        return p == 0 ? [] : Spd.Cholesky(Information, p);
    }

    private double Residual(int k) => (f[k] - mu[k]) / mu[k];
}
