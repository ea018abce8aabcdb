using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Report.Uncertainty;

/// <summary>
/// The bootstrap intervals of one telemetry run: PC, EC, every site's dPC and fractions, the country-pair shares and,
/// with reachability, its PC and EC, from <see cref="SeasonBootstrap"/> (the birds resampled, the per-bird links
/// rebuilt, everything recomputed B times). Percentile intervals, Hyndman-Fan type 8 quantiles.
/// </summary>
public sealed class RunBootstrap
{
    private RunBootstrap(SeasonBootstrap bootstrap, IReadOnlyList<(string From, string To)> pairs)
    {
        var r = bootstrap.Replicates;
        Birds = bootstrap.Individuals.Count;
        Replicates = r.Replicates.Count;
        Seed = r.Seed;
        Level = r.ConfidenceLevel;
        PC = r.Interval(x => x.PC);
        EC = r.Interval(x => x.EC);
        Transboundary = r.Interval(x => x.TransboundaryShare);
        ReachPC = r.Interval(x => x.ReachPC);
        ReachEC = r.Interval(x => x.ReachEC);
        Sites = bootstrap.Nodes.Select((node, k) => (node.Id, Intervals: new SiteIntervals(r.Interval(x => x.DPC[k]),
                r.Interval(x => x.DPCintra[k]), r.Interval(x => x.DPCflux[k]), r.Interval(x => x.DPCconnector[k]))))
            .ToDictionary(x => x.Id, x => x.Intervals, StringComparer.Ordinal);
        // A pair no replicate connects has share 0 there, not a missing value.
        CountryShares = pairs.ToDictionary(p => p, p => r.Interval(x => x.CountryShares.GetValueOrDefault(p)));
    }

    /// <summary>The birds resampled (those with a stay in the season).</summary>
    public int Birds { get; }

    /// <summary>B.</summary>
    public int Replicates { get; }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>Coverage of the intervals.</summary>
    public double Level { get; }

    /// <summary>PC.</summary>
    public BootstrapInterval PC { get; }

    /// <summary>EC(PC).</summary>
    public BootstrapInterval EC { get; }

    /// <summary>Share of PCnum across borders.</summary>
    public BootstrapInterval Transboundary { get; }

    /// <summary>PC with reachability (every replicate undefined when not asked).</summary>
    public BootstrapInterval ReachPC { get; }

    /// <summary>EC with reachability.</summary>
    public BootstrapInterval ReachEC { get; }

    /// <summary>Per site code.</summary>
    public IReadOnlyDictionary<string, SiteIntervals> Sites { get; }

    /// <summary>Per (country of i, country of j) of the run's table.</summary>
    public IReadOnlyDictionary<(string From, string To), BootstrapInterval> CountryShares { get; }

    /// <summary>Resamples the birds of <paramref name="inputs"/> for <paramref name="run"/>.</summary>
    public static RunBootstrap Compute(ConnectivityInputs inputs, ReportRun run, int replicates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(run);
        var birds = inputs.Request.Birds;
        var bootstrap = SeasonBootstrap.Run(inputs.Visits, inputs.Window, run.Network.Nodes, new SeasonBootstrapOptions
        {
            Bootstrap = new BootstrapOptions
            {
                Replicates = replicates,
                Seed = birds.Seed ?? ReportBirdOptions.DefaultSeed,
                MaxDegreeOfParallelism = birds.MaxDegreeOfParallelism,
            },
            AreaTotal = inputs.Request.AreaTotal,
            WeightsFromBirds = inputs.Request.Weighting == Connectivity.NodeWeighting.TrackedIndividuals,
            Reachability = birds.Reachability,
        }, cancellationToken);
        return new RunBootstrap(bootstrap, run.Result.CountryPairs?.Pairs.Select(p => (p.From, p.To)).ToArray() ?? []);
    }
}
