namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Negative-exponential distance decay p_ij = exp(-k d_ij) with k = -ln(p0) / d0, so that p = p0 at the
/// median dispersal distance d0 (Saura &amp; Pascual-Hortal 2007). d_ij is the great-circle distance in km
/// (<see cref="GreatCircle"/>).
/// </summary>
public sealed class DistanceDecay
{
    /// <param name="medianDistanceKm">d0 in km, &gt; 0.</param>
    /// <param name="probabilityAtMedian">p0 in (0, 1); 0.5 makes d0 the median dispersal distance.</param>
    public DistanceDecay(double medianDistanceKm, double probabilityAtMedian = 0.5)
    {
        if (!(medianDistanceKm > 0) || double.IsInfinity(medianDistanceKm))
        {
            throw new ArgumentOutOfRangeException(nameof(medianDistanceKm), medianDistanceKm, "d0 must be a positive number of km.");
        }
        if (!(probabilityAtMedian > 0 && probabilityAtMedian < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probabilityAtMedian), probabilityAtMedian, "p0 must be strictly between 0 and 1.");
        }
        MedianDistanceKm = medianDistanceKm;
        ProbabilityAtMedian = probabilityAtMedian;
        // Saura & Pascual-Hortal 2007: k = -ln(p0) / d0.
        K = -Math.Log(probabilityAtMedian) / medianDistanceKm;
    }

    /// <summary>d0 in km.</summary>
    public double MedianDistanceKm { get; }

    /// <summary>p0, the probability at d0.</summary>
    public double ProbabilityAtMedian { get; }

    /// <summary>The decay constant k in 1/km.</summary>
    public double K { get; }

    /// <summary>p = exp(-k d) for a distance in km.</summary>
    public double Probability(double distanceKm) => Math.Exp(-K * distanceKm);

    /// <summary>The distance in km at which p falls to <paramref name="probability"/>: d = -ln(p) / k.</summary>
    public double DistanceAt(double probability) => -Math.Log(probability) / K;

    /// <summary>
    /// The distance-decay network over <paramref name="nodes"/>: every pair of sites is linked with
    /// p = exp(-k d). With <paramref name="minimumProbability"/> &gt; 0, links with p below it are pruned.
    /// </summary>
    /// <remarks>
    /// Pruning changes results: a pruned pair keeps only what a stepping-stone path gives it, which (the
    /// great-circle distance being a metric) is less than its direct p, itself below the minimum. So PCnum
    /// drops by less than minimumProbability * sum_{i != j} a_i a_j, dPCconnector and BC(PC) can become
    /// non-zero, and the analysis has to search paths instead of using the direct links.
    /// Sites are linked for IIC when p &gt;= p0, that is when d &lt;= d0.
    /// </remarks>
    public SiteNetwork Build(IReadOnlyList<SiteNode> nodes, double minimumProbability = 0)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!(minimumProbability >= 0 && minimumProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumProbability), minimumProbability, "The minimum probability must be in [0, 1].");
        }
        return SiteNetwork.FromDecay(nodes, this, minimumProbability);
    }
}
