using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>
/// The bootstrap over the birds of one season's telemetry network (Efron &amp; Tibshirani 1993, ch. 6; see
/// <see cref="Bootstrap"/>): draw n birds with replacement from the n with a stay in the season, rebuild the
/// per-bird links with <see cref="TelemetryNetwork.Build"/> from the drawn birds' site visits, and recompute PC, EC,
/// every site's dPC with its fractions and the country-pair shares with <see cref="ConnectivityAnalysis"/>.
/// </summary>
/// <remarks>
/// <para>The stays are detected and put at sites once, from the whole sample; a replicate only regroups them. A bird
/// drawn k times enters the network as k birds (its copies are renamed), so it counts k times in the denominators
/// of the sites it was at and k times in the numerator of each link it made — what drawing it k times means. The
/// nodes stay those of the sample (a site no drawn bird visited keeps its census weight and loses its links), and
/// their weights stay as given unless <see cref="SeasonBootstrapOptions.WeightsFromBirds"/>.</para>
/// <para>Each replicate runs the analysis on one thread (<see cref="ConnectivityOptions.MaxDegreeOfParallelism"/> =
/// 1): the replicates already use every core, and results never depend on the number of threads.</para>
/// </remarks>
public sealed class SeasonBootstrap
{
    private static readonly ConnectivityOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    private SeasonBootstrap(IReadOnlyList<string> individuals, IReadOnlyList<SiteNode> nodes, BootstrapReplicates<SeasonReplicate> replicates)
    {
        Individuals = individuals;
        Nodes = nodes;
        Replicates = replicates;
    }

    /// <summary>The birds resampled: those with a stay in the season window (ordinal order).</summary>
    public IReadOnlyList<string> Individuals { get; }

    /// <summary>The nodes, in the order of the per-site arrays of each replicate.</summary>
    public IReadOnlyList<SiteNode> Nodes { get; }

    /// <summary>The B replicates.</summary>
    public BootstrapReplicates<SeasonReplicate> Replicates { get; }

    /// <summary>Resamples the birds of <paramref name="visits"/> present in <paramref name="window"/>.</summary>
    /// <param name="visits">Every bird's stays at sites (whole tracks, as <see cref="StaySites.Assign"/> gives them).</param>
    /// <param name="window">The season.</param>
    /// <param name="nodes">The network's nodes (every site a bird of the sample was at or moved to among them).</param>
    /// <param name="options">Replicates, seed, A_L, weighting, reachability.</param>
    /// <param name="cancellationToken">Stops between replicates.</param>
    /// <exception cref="ArgumentException">No bird has a stay in the season.</exception>
    public static SeasonBootstrap Run(IReadOnlyList<SiteVisit> visits, SeasonWindow window, IReadOnlyList<SiteNode> nodes,
        SeasonBootstrapOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        var birds = visits
            .GroupBy(v => v.Stay.Individual, StringComparer.Ordinal)
            .Where(g => g.Any(v => InWindow(v, window)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();
        if (birds.Length == 0)
        {
            throw new ArgumentException($"No tracked bird has a stay in {window}: there is nothing to resample.", nameof(visits));
        }
        var replicates = Bootstrap.Run(birds, resample => Statistic(Relabel(resample), window, nodes, options), options.Bootstrap,
            cancellationToken: cancellationToken);
        return new SeasonBootstrap(birds.Select(b => b[0].Stay.Individual).ToArray(), nodes, replicates);
    }

    /// <summary>The percentile interval of one number of the replicates.</summary>
    public BootstrapInterval Interval(Func<SeasonReplicate, double> value) => Replicates.Interval(value);

    /// <summary>PC, EC, dPC with fractions, country shares (and reachability) of one set of birds' visits.</summary>
    public static SeasonReplicate Statistic(IReadOnlyList<SiteVisit> visits, SeasonWindow window, IReadOnlyList<SiteNode> nodes,
        SeasonBootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        var telemetry = TelemetryNetwork.Build(visits, window);
        if (options.WeightsFromBirds)
        {
            var birds = NodeWeights.TrackedIndividuals(visits.Where(v => InWindow(v, window)));
            nodes = nodes.Select(n => n with { Weight = birds.GetValueOrDefault(n.Id) }).ToArray();
        }
        var network = telemetry.ToSiteNetwork(nodes);
        var r = ConnectivityAnalysis.Run(network, OneThread with { AreaTotal = options.AreaTotal });
        var (reachPC, reachEC) = options.Reachability ? Reachability.PC(network, r.AreaTotal) : (double.NaN, double.NaN);
        return new SeasonReplicate(r.PC, r.EC,
            r.PerNode.Select(x => x.DPC).ToArray(), r.PerNode.Select(x => x.DPCintra).ToArray(),
            r.PerNode.Select(x => x.DPCflux).ToArray(), r.PerNode.Select(x => x.DPCconnector).ToArray(),
            r.CountryPairs?.Pairs.ToDictionary(p => (p.From, p.To), p => p.Share) ?? [],
            r.CountryPairs?.TransboundaryShare ?? double.NaN, reachPC, reachEC);
    }

    /// <summary>The drawn birds' visits, the second and later copies of a bird renamed so that each copy is a bird
    /// of its own (the suffix holds a character no Movebank id has).</summary>
    private static List<SiteVisit> Relabel(Resample<SiteVisit[]> resample)
    {
        var drawn = new Dictionary<int, int>();
        var visits = new List<SiteVisit>();
        foreach (var k in resample.Picks)
        {
            var copy = drawn[k] = drawn.GetValueOrDefault(k) + 1;
            foreach (var v in resample.Sample[k])
            {
                visits.Add(copy == 1 ? v : v with { Stay = v.Stay with { Individual = $"{v.Stay.Individual}\u0001{copy}" } });
            }
        }
        return visits;
    }

    private static bool InWindow(SiteVisit v, SeasonWindow window) => v.Stay.Arrival < window.End && v.Stay.Departure >= window.Start;
}
