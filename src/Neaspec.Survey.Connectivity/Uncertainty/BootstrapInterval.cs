namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>
/// A bootstrap percentile interval and the summary of the replicates it comes from.
/// </summary>
/// <remarks>
/// <para>Which interval: the percentile interval (Efron &amp; Tibshirani 1993, §13.3), the alpha/2 and 1 - alpha/2
/// quantiles of the replicates, computed with Hyndman &amp; Fan (1996, Am Stat 50:361-365) sample quantile type 8
/// (approximately median-unbiased whatever the distribution). This is MigConnectivity's simpleCI, the interval its
/// estTransition and estStrength report first, so our intervals can be compared with the package's.</para>
/// <para>Why not another: the percentile interval respects the range of the statistic (an MC interval stays
/// within [-1, 1], a dPC interval within [0, 100]) and is invariant under monotone transformations; the normal
/// interval (estimate +- 1.96 SE) is neither and fails for the skewed distributions of few birds; BCa needs a
/// jackknife per statistic. With few individuals every bootstrap interval is too narrow (it cannot show variation the
/// sample never saw); read it as a lower bound on the uncertainty.</para>
/// </remarks>
/// <param name="Low">Lower end, the (1 - level)/2 quantile.</param>
/// <param name="High">Upper end, the (1 + level)/2 quantile.</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
/// <param name="Mean">Mean of the defined replicates.</param>
/// <param name="Median">Median (type 8) of the defined replicates.</param>
/// <param name="StandardError">Standard deviation of the defined replicates (the bootstrap SE, n - 1 divisor).</param>
/// <param name="Defined">Replicates with a number.</param>
/// <param name="Undefined">Replicates where the statistic was undefined (NaN, e.g. MC of a resample whose distances
/// do not vary); left out, as MigConnectivity does with na.rm.</param>
public sealed record BootstrapInterval(double Low, double High, double Level, double Mean, double Median,
    double StandardError, int Defined, int Undefined)
{
    /// <summary>The percentile interval of <paramref name="replicates"/>; NaN ends when no replicate is defined.</summary>
    public static BootstrapInterval Percentile(IEnumerable<double> replicates, double level)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must be strictly between 0 and 1.");
        }
        var all = replicates.ToArray();
        var sorted = all.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var undefined = all.Length - sorted.Length;
        if (sorted.Length == 0)
        {
            return new BootstrapInterval(double.NaN, double.NaN, level, double.NaN, double.NaN, double.NaN, 0, undefined);
        }
        var mean = sorted.Average();
        var se = sorted.Length > 1
            ? Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (sorted.Length - 1))
            : 0;
        return new BootstrapInterval(Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2), level,
            mean, Quantile(sorted, 0.5), se, sorted.Length, undefined);
    }

    /// <summary>Hyndman &amp; Fan (1996) sample quantile type 8 of sorted values (R's quantile(type = 8)):
    /// with m = (p + 1) / 3, j = floor(n p + m) and g = n p + m - j, Q(p) = (1 - g) x_j + g x_(j+1), where
    /// x_0 and x_(n+1) are taken as x_1 and x_n.</summary>
    /// <param name="sorted">Values in ascending order, at least one.</param>
    /// <param name="p">Probability in [0, 1].</param>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        }
        var n = sorted.Count;
        var h = (n * p) + ((p + 1) / 3);
        var j = (int)Math.Floor(h);
        var g = h - j;
        // 1-based x_j and x_(j+1), clamped to the sample.
        var lower = sorted[Math.Clamp(j, 1, n) - 1];
        var upper = sorted[Math.Clamp(j + 1, 1, n) - 1];
        return lower + (g * (upper - lower));
    }
}
