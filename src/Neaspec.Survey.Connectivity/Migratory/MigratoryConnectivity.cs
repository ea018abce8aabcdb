namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>
/// The strength of migratory connectivity MC (Cohen et al. 2018, "Quantifying the strength of migratory
/// connectivity", Methods Ecol Evol 9:513-524): the correlation, over pairs of animals drawn from the origin
/// population, between how far apart the two are at origin and how far apart they are at target. 1 = the
/// population keeps its spatial arrangement (relative distances) from one season to the other; 0 = where a bird
/// is at target says nothing about where it was at origin; negative = neighbours at origin end up far apart.
/// </summary>
/// <remarks>
/// <para>Inputs: psi (origin x target transition probabilities, each row sums to 1), the origin-origin distances D,
/// the target-target distances V (any one unit per matrix; MC does not depend on the scale), and the origin
/// abundances (relative or absolute; normalised here to r_i).</para>
/// <para>Cohen et al. 2018 define MC as a weighted correlation over the joint origin-target sites of two distinct
/// animals, with weight pi_ijkl = probability that animal 1 is at origin i and target j and animal 2 at origin k and
/// target l:</para>
/// <para>MC = sum_ijkl pi_ijkl (D_ik - Dbar) (V_jl - Vbar) / (sd_D sd_V), Dbar = sum pi D, sd_D^2 = sum pi (D - Dbar)^2,
/// and the same for V.</para>
/// <para>For a population of N animals with N_i = r_i N at origin i (the paper's abundance-known form, the
/// "standard" MC of MigConnectivity's calcMC with sampleSize = N) two distinct animals give
/// pi_ijkl = r_i psi_ij (N r_k psi_kl - [i = k][j = l]) / (N - 1). Without N, the large-population limit MC(R)
/// (the form "corrected for relative abundance only") uses pi_ijkl = r_i psi_ij r_k psi_kl.</para>
/// <para>The four-fold sum is never formed: with Q = psi (V - Vbar) psi^T (B x B),
/// sum pi (D - Dbar)(V - Vbar) = [N sum_ik r_i r_k (D_ik - Dbar) Q_ik - sum_ij r_i psi_ij (D_ii - Dbar)(V_jj - Vbar)] / (N - 1),
/// which is O(B W^2 + B^2 W) instead of O(B^2 W^2). Checked against the package's published test values.</para>
/// </remarks>
public static class MigratoryConnectivity
{
    /// <summary>How far a psi row may be from summing to 1 (MigConnectivity's calcMC uses the same 1e-6).</summary>
    public const double RowSumTolerance = 1e-6;

    /// <summary>Relative tolerance of the symmetry check of a distance matrix:
    /// |d_ij - d_ji| &lt;= 1e-9 * max(|d_ij|, |d_ji|, 1).</summary>
    public const double SymmetryTolerance = 1e-9;

    /// <summary>MC, or MC(R) when <paramref name="sampleSize"/> is null.</summary>
    /// <param name="psi">B x W transition probabilities; every entry in [0, 1], every row summing to 1 within
    /// <see cref="RowSumTolerance"/>.</param>
    /// <param name="originDistances">B x B, symmetric, &gt;= 0.</param>
    /// <param name="targetDistances">W x W, symmetric, &gt;= 0.</param>
    /// <param name="originAbundance">B values &gt;= 0 with a positive sum (relative or absolute).</param>
    /// <param name="sampleSize">N, the number of animals psi was estimated from (&gt; 1), for the small-sample
    /// form; null for MC(R).</param>
    /// <returns>MC, within [-1, 1] whenever every pair weight is &gt;= 0 (always for MC(R); for the small-sample
    /// form when every N_i = r_i N is &gt;= 1); NaN when distances do not vary among the pairs (for example a single origin with
    /// abundance, or all target distances equal), where the correlation is undefined.</returns>
    /// <exception cref="ArgumentException">Sizes that do not match, or a value out of range.</exception>
    public static double Strength(double[,] psi, double[,] originDistances, double[,] targetDistances,
        IReadOnlyList<double> originAbundance, double? sampleSize = null)
    {
        Check(psi, originDistances, targetDistances, originAbundance, sampleSize);
        return StrengthUnchecked(psi, originDistances, targetDistances, Normalise(originAbundance), sampleSize);
    }

    /// <summary>The computation without argument checks, for the bootstrap's inner loop (the arguments were
    /// checked once and every replicate's psi is built row-stochastic).</summary>
    internal static double StrengthUnchecked(double[,] psi, double[,] d, double[,] v, double[] r, double? sampleSize)
    {
        var b = psi.GetLength(0);
        var w = psi.GetLength(1);
        // t_j: share of the population at target j.
        var t = new double[w];
        for (var i = 0; i < b; i++)
        {
            for (var j = 0; j < w; j++)
            {
                t[j] += r[i] * psi[i, j];
            }
        }
        var n = sampleSize ?? double.PositiveInfinity;
        // Pair weights. MC(R): origin pairs r_i r_k, target pairs t_j t_l. Small-sample form (two distinct animals
        // of N): r_i (N r_k - [i = k]) / (N - 1) and (N t_j t_l - [j = l] t_j) / (N - 1).
        var (dMean, dVar) = WeightedMoments(d, r, r, n);
        var (vMean, vVar) = WeightedMoments(v, t, t, n);
        if (!(dVar > 0 && vVar > 0))
        {
            return double.NaN;
        }

        // Q = psi (V - Vbar) psi^T, through psi (V - Vbar) first.
        var pv = new double[b, w];
        for (var i = 0; i < b; i++)
        {
            for (var l = 0; l < w; l++)
            {
                var sum = 0.0;
                for (var j = 0; j < w; j++)
                {
                    sum += psi[i, j] * (v[j, l] - vMean);
                }
                pv[i, l] = sum;
            }
        }
        var cross = 0.0;
        for (var i = 0; i < b; i++)
        {
            for (var k = 0; k < b; k++)
            {
                var q = 0.0;
                for (var l = 0; l < w; l++)
                {
                    q += pv[i, l] * psi[k, l];
                }
                cross += r[i] * r[k] * (d[i, k] - dMean) * q;
            }
        }
        if (!double.IsPositiveInfinity(n))
        {
            // Remove the pairs of an animal with itself (same origin i, same target j) and rescale to N (N - 1).
            var self = 0.0;
            for (var i = 0; i < b; i++)
            {
                for (var j = 0; j < w; j++)
                {
                    self += r[i] * psi[i, j] * (d[i, i] - dMean) * (v[j, j] - vMean);
                }
            }
            cross = ((n * cross) - self) / (n - 1);
        }
        return cross / Math.Sqrt(dVar * vVar);
    }

    /// <summary>Weighted mean and variance of a distance matrix over pairs with weight x_i y_k, or for a finite
    /// population of <paramref name="n"/> the weight (n x_i y_k - [i = k] x_i) / (n - 1) (x = y here).</summary>
    private static (double Mean, double Variance) WeightedMoments(double[,] distances, double[] x, double[] y, double n)
    {
        var size = x.Length;
        var finite = !double.IsPositiveInfinity(n);
        double Weight(int i, int k) => finite ? ((n * x[i] * y[k]) - (i == k ? x[i] : 0)) / (n - 1) : x[i] * y[k];
        var mean = 0.0;
        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k < size; k++)
            {
                mean += Weight(i, k) * distances[i, k];
            }
        }
        var variance = 0.0;
        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k < size; k++)
            {
                var deviation = distances[i, k] - mean;
                variance += Weight(i, k) * deviation * deviation;
            }
        }
        return (mean, variance);
    }

    /// <summary>The abundances divided by their sum.</summary>
    public static double[] Normalise(IReadOnlyList<double> abundance)
    {
        ArgumentNullException.ThrowIfNull(abundance);
        var total = abundance.Sum();
        return abundance.Select(a => a / total).ToArray();
    }

    private static void Check(double[,] psi, double[,] originDistances, double[,] targetDistances,
        IReadOnlyList<double> originAbundance, double? sampleSize)
    {
        ArgumentNullException.ThrowIfNull(psi);
        ArgumentNullException.ThrowIfNull(originDistances);
        ArgumentNullException.ThrowIfNull(targetDistances);
        ArgumentNullException.ThrowIfNull(originAbundance);
        var b = psi.GetLength(0);
        var w = psi.GetLength(1);
        if (b == 0 || w == 0)
        {
            throw new ArgumentException("psi is empty.", nameof(psi));
        }
        for (var i = 0; i < b; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < w; j++)
            {
                if (!(psi[i, j] >= 0 && psi[i, j] <= 1))
                {
                    throw new ArgumentException($"psi[{i}, {j}] = {psi[i, j]} is not a probability.", nameof(psi));
                }
                sum += psi[i, j];
            }
            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                throw new ArgumentException($"psi row {i} sums to {sum}, not 1.", nameof(psi));
            }
        }
        CheckDistances(originDistances, b, nameof(originDistances));
        CheckDistances(targetDistances, w, nameof(targetDistances));
        if (originAbundance.Count != b)
        {
            throw new ArgumentException($"{originAbundance.Count} origin abundances for {b} origins.", nameof(originAbundance));
        }
        if (originAbundance.Any(a => !(a >= 0) || double.IsInfinity(a)) || !(originAbundance.Sum() > 0))
        {
            throw new ArgumentException("Origin abundances must be finite, >= 0 and not all 0.", nameof(originAbundance));
        }
        if (sampleSize is { } size && (!(size > 1) || double.IsInfinity(size)))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), size, "The sample size must be a number of animals > 1.");
        }
    }

    /// <summary>Checks a distance matrix: square of <paramref name="size"/>, finite, &gt;= 0, symmetric within
    /// <see cref="SymmetryTolerance"/>.</summary>
    internal static void CheckDistances(double[,] m, int size, string name)
    {
        if (m.GetLength(0) != size || m.GetLength(1) != size)
        {
            throw new ArgumentException($"The distance matrix is {m.GetLength(0)} x {m.GetLength(1)}; expected {size} x {size}.", name);
        }
        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k < size; k++)
            {
                if (!(m[i, k] >= 0) || double.IsInfinity(m[i, k]))
                {
                    throw new ArgumentException($"Distance [{i}, {k}] = {m[i, k]} is not a finite number >= 0.", name);
                }
                if (!IsSymmetricPair(m[i, k], m[k, i]))
                {
                    throw new ArgumentException($"Distance [{i}, {k}] = {m[i, k]} but [{k}, {i}] = {m[k, i]}: not symmetric.", name);
                }
            }
        }
    }

    /// <summary>True when two distances that should be equal are equal within <see cref="SymmetryTolerance"/>.</summary>
    public static bool IsSymmetricPair(double a, double b) =>
        Math.Abs(a - b) <= SymmetryTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
