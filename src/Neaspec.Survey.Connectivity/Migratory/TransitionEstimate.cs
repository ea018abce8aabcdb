namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>
/// psi estimated from tracked individuals, each with a known origin region and target region: psi_ij = n_ij / n_i,
/// the share of the animals from origin i that were at target j (the maximum-likelihood estimate of a multinomial
/// row; MigConnectivity's calcPsiMC and estTransition for GPS data without location error).
/// </summary>
/// <remarks>
/// This assumes the animals were tagged at origin, each origin's animals a random sample of that origin's
/// population; animals tagged at target need the target abundance to be weighted (MigConnectivity's
/// targetRelAbund) and are not handled here.
/// </remarks>
public sealed class TransitionEstimate
{
    private TransitionEstimate(double[,] psi, int[,] counts, int[] originTotals)
    {
        Psi = psi;
        Counts = counts;
        OriginTotals = originTotals;
    }

    /// <summary>B x W; a row whose origin has no animal is NaN (undefined, not 0).</summary>
    public double[,] Psi { get; }

    /// <summary>n_ij: animals from origin i found at target j.</summary>
    public int[,] Counts { get; }

    /// <summary>n_i: animals from origin i.</summary>
    public int[] OriginTotals { get; }

    /// <summary>Number of animals.</summary>
    public int Individuals => OriginTotals.Sum();

    /// <summary>True when every origin has at least one animal, so every row of psi is defined.</summary>
    public bool EveryOriginSampled => OriginTotals.All(n => n > 0);

    /// <summary>Counts the animals' (origin, target) pairs.</summary>
    /// <param name="origins">Each animal's origin region index in [0, <paramref name="originCount"/>).</param>
    /// <param name="targets">The same animals' target region indices in [0, <paramref name="targetCount"/>).</param>
    /// <param name="originCount">B, the number of origin regions.</param>
    /// <param name="targetCount">W, the number of target regions.</param>
    public static TransitionEstimate FromIndividuals(IReadOnlyList<int> origins, IReadOnlyList<int> targets,
        int originCount, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(targets);
        if (origins.Count != targets.Count)
        {
            throw new ArgumentException($"{origins.Count} origins but {targets.Count} targets.", nameof(targets));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(originCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 1);
        var counts = new int[originCount, targetCount];
        var totals = new int[originCount];
        for (var a = 0; a < origins.Count; a++)
        {
            var i = origins[a];
            var j = targets[a];
            if ((uint)i >= (uint)originCount || (uint)j >= (uint)targetCount)
            {
                throw new ArgumentOutOfRangeException(nameof(origins), $"Animal {a}: origin {i} or target {j} is not a region index.");
            }
            counts[i, j]++;
            totals[i]++;
        }
        var psi = new double[originCount, targetCount];
        for (var i = 0; i < originCount; i++)
        {
            for (var j = 0; j < targetCount; j++)
            {
                psi[i, j] = totals[i] > 0 ? (double)counts[i, j] / totals[i] : double.NaN;
            }
        }
        return new TransitionEstimate(psi, counts, totals);
    }
}
