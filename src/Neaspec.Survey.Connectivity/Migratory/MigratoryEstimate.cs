using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>
/// psi, MC and rM from tracked individuals, and optionally their bootstrap over the individuals: what
/// MigConnectivity's estTransition + estStrength + estMantel do for GPS data without location error. One
/// computation for every caller (file mode, database mode, the report's MC section), so the same birds give the
/// same numbers whichever way they came in.
/// </summary>
/// <remarks>
/// psi_ij = n_ij / n_i (<see cref="TransitionEstimate"/>); MC in the small-sample form with N = the number of
/// animals (Cohen et al. 2018; <see cref="MigratoryConnectivity.Strength"/>), as MigConnectivity passes the number of
/// animals to estStrength; rM from their points (<see cref="MantelCorrelation"/>). The bootstrap resamples the
/// animals with replacement (<see cref="Uncertainty.Bootstrap"/>) and draws a resample again when it leaves an origin
/// without an animal (psi needs a row per origin; the package redraws likewise).
/// </remarks>
public sealed class MigratoryEstimate
{
    private MigratoryEstimate(MigratoryReplicate point, TransitionEstimate transitions, BootstrapReplicates<MigratoryReplicate>? bootstrap)
    {
        Point = point;
        Transitions = transitions;
        Bootstrap = bootstrap;
    }

    /// <summary>The estimate from the sample: MC, rM (NaN without points) and psi.</summary>
    public MigratoryReplicate Point { get; }

    /// <summary>psi with the counts n_ij and n_i behind it.</summary>
    public TransitionEstimate Transitions { get; }

    /// <summary>The replicates, or null without a bootstrap.</summary>
    public BootstrapReplicates<MigratoryReplicate>? Bootstrap { get; }

    /// <summary>The percentile interval of MC, or null without a bootstrap.</summary>
    public BootstrapInterval? MCInterval => Bootstrap?.Interval(r => r.MC);

    /// <summary>The percentile interval of rM, or null without a bootstrap.</summary>
    public BootstrapInterval? RMInterval => Bootstrap?.Interval(r => r.RM);

    /// <summary>The percentile interval of psi_ij, or null without a bootstrap.</summary>
    public BootstrapInterval? PsiInterval(int origin, int target) => Bootstrap?.Interval(r => r.Psi[origin, target]);

    /// <summary>Estimates psi, MC and rM from <paramref name="individuals"/>, with a bootstrap when
    /// <paramref name="bootstrap"/> is given.</summary>
    /// <param name="individuals">The animals; every origin region needs at least one (else its psi row is undefined),
    /// and rM needs every animal's two points.</param>
    /// <param name="originDistances">B x B origin-origin distances.</param>
    /// <param name="targetDistances">W x W target-target distances.</param>
    /// <param name="originAbundance">B origin abundances (relative or absolute).</param>
    /// <param name="bootstrap">Replicates, seed and threads of the bootstrap; null for none.</param>
    /// <param name="cancellationToken">Stops the bootstrap between replicates.</param>
    /// <exception cref="ArgumentException">An origin without an animal, or sizes that do not match.</exception>
    /// <exception cref="InvalidOperationException">Too few animals per origin for resamples that keep every origin.</exception>
    public static MigratoryEstimate FromIndividuals(IReadOnlyList<MigrantIndividual> individuals, double[,] originDistances,
        double[,] targetDistances, IReadOnlyList<double> originAbundance, BootstrapOptions? bootstrap = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(individuals);
        ArgumentNullException.ThrowIfNull(originDistances);
        ArgumentNullException.ThrowIfNull(targetDistances);
        ArgumentNullException.ThrowIfNull(originAbundance);
        var origins = originDistances.GetLength(0);
        var targets = targetDistances.GetLength(0);
        var hasPoints = individuals.Count > 0 && individuals.All(b => b.OriginPoint is not null && b.TargetPoint is not null);
        var points = hasPoints
            ? (MantelCorrelation.DistanceMatrix(individuals.Select(b => b.OriginPoint!.Value).ToArray()),
               MantelCorrelation.DistanceMatrix(individuals.Select(b => b.TargetPoint!.Value).ToArray()))
            : ((double[,], double[,])?)null;
        var all = Enumerable.Range(0, individuals.Count).ToArray();
        var transitions = Estimate(individuals, all, origins, targets);
        if (!transitions.EveryOriginSampled)
        {
            throw new ArgumentException("Every origin region needs at least one animal: psi has no row for an origin without one.", nameof(individuals));
        }
        var point = Replicate(transitions, all, points, originDistances, targetDistances, originAbundance);
        var replicates = bootstrap is null ? null : Resample(individuals, origins, targets, points, originDistances, targetDistances,
            originAbundance, bootstrap, cancellationToken);
        return new MigratoryEstimate(point, transitions, replicates);
    }

    private static TransitionEstimate Estimate(IReadOnlyList<MigrantIndividual> birds, IReadOnlyList<int> picks, int origins, int targets) =>
        TransitionEstimate.FromIndividuals(picks.Select(k => birds[k].Origin).ToArray(), picks.Select(k => birds[k].Target).ToArray(),
            origins, targets);

    /// <summary>MC with N = the number of picked animals and rM of their points.</summary>
    private static MigratoryReplicate Replicate(TransitionEstimate transitions, IReadOnlyList<int> picks, (double[,] Origin, double[,] Target)? points,
        double[,] originDistances, double[,] targetDistances, IReadOnlyList<double> abundance)
    {
        var mc = MigratoryConnectivity.Strength(transitions.Psi, originDistances, targetDistances, abundance, picks.Count);
        var rm = points is { } p ? MantelCorrelation.FromDistances(p.Origin, p.Target, picks) : double.NaN;
        return new MigratoryReplicate(mc, rm, transitions.Psi);
    }

    private static BootstrapReplicates<MigratoryReplicate> Resample(IReadOnlyList<MigrantIndividual> birds, int origins, int targets,
        (double[,], double[,])? points, double[,] originDistances, double[,] targetDistances, IReadOnlyList<double> abundance,
        BootstrapOptions options, CancellationToken cancellationToken) =>
        Uncertainty.Bootstrap.Run(birds,
            resample => Replicate(Estimate(birds, resample.Picks, origins, targets), resample.Picks, points, originDistances,
                targetDistances, abundance),
            options,
            accept: resample =>
            {
                // Every origin needs an animal, else its psi row is undefined (MigConnectivity redraws likewise).
                var seen = new bool[origins];
                foreach (var bird in resample)
                {
                    seen[bird.Origin] = true;
                }
                return Array.TrueForAll(seen, x => x);
            },
            cancellationToken);
}
