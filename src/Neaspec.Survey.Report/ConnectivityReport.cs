using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Report.Migratory;
using Neaspec.Survey.Report.Uncertainty;

namespace Neaspec.Survey.Report;

/// <summary>
/// The connectivity report of one species, season and year: <see cref="ConnectivityAnalysis"/> run on the
/// inputs' nodes for each distance (or once on the telemetry network). Write it with <see cref="ReportFiles"/>
/// and <see cref="HtmlReport"/>, store it with <see cref="ReportViews"/>.
/// </summary>
public sealed partial class ConnectivityReport
{
    /// <summary>Links with a smaller p are neither drawn nor written (they are in the analysis).</summary>
    public const double MinimumLinkProbability = 0.001;

    /// <summary>At most this many links (the strongest by flux) are drawn and written per run.</summary>
    public const int MaximumLinks = 1000;

    private ConnectivityReport(ConnectivityInputs inputs, IReadOnlyList<ReportRun> runs, DateTime generatedAt, SensitivityResult? sensitivity,
        MigratoryAnalysis? migratory)
    {
        Inputs = inputs;
        Runs = runs;
        GeneratedAt = generatedAt;
        Sensitivity = sensitivity;
        Migratory = migratory;
    }

    /// <summary>What the report was computed from.</summary>
    public ConnectivityInputs Inputs { get; }

    /// <summary>The telemetry run (when its links are used), then one run per distance (in the order asked, when
    /// distance-decay links are used).</summary>
    public IReadOnlyList<ReportRun> Runs { get; }

    /// <summary>The ranking of sites over the threshold grid, when the request asked for it.</summary>
    public SensitivityResult? Sensitivity { get; }

    /// <summary>UTC time of the computation.</summary>
    public DateTime GeneratedAt { get; }

    /// <summary>Where links come from: "telemetry", "distance decay" or "telemetry and distance decay" (why:
    /// <see cref="ConnectivityInputs.Links"/>).</summary>
    public string LinkSource => Inputs.Links.Text;

    /// <summary>Runs the analyses: the telemetry run and the distance-decay runs as <see cref="ConnectivityInputs.Links"/>
    /// says, the sensitivity grid when asked, and with <paramref name="migration"/> the MC section
    /// (<see cref="MigrationInputs.LoadAsync"/> reads it when the request has <see cref="ReportBirdOptions.Migratory"/>).
    /// <paramref name="time"/> (default the system clock) stamps the report, so a test can make two runs write identical
    /// pages.</summary>
    public static ConnectivityReport Compute(ConnectivityInputs inputs, MigrationInputs? migration = null, TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var runs = new List<ReportRun>();
        if (inputs.Links.UsesTelemetry && inputs.Telemetry is { } telemetry)
        {
            runs.Add(WithBirds(inputs, Run(null, telemetry.ToSiteNetwork(inputs.Nodes), telemetry, inputs.Request.AreaTotal), cancellationToken));
        }
        if (inputs.Links.UsesDistance)
        {
            foreach (var d in inputs.Request.DistancesKm)
            {
                runs.Add(Run(d, new DistanceDecay(d, inputs.Request.Probability).Build(inputs.Nodes), null, inputs.Request.AreaTotal));
            }
        }
        var sensitivity = inputs.Request.Sensitivity ? SensitivityAnalysis.Run(inputs) : null;
        var birds = inputs.Request.Birds;
        var migratory = migration is null ? null : MigratoryAnalysis.Compute(migration, birds.ReplicatesFor(tracked: true),
            birds.Seed ?? ReportBirdOptions.DefaultSeed, birds.MaxDegreeOfParallelism, cancellationToken);
        return new ConnectivityReport(inputs, runs, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime, sensitivity, migratory);
    }

    /// <summary>A telemetry run with its bootstrap over the birds and its reachability, when asked for.</summary>
    private static ReportRun WithBirds(ConnectivityInputs inputs, ReportRun run, CancellationToken cancellationToken)
    {
        var birds = inputs.Request.Birds;
        var replicates = birds.ReplicatesFor(tracked: inputs.Visits.Count > 0);
        RunReachability? reach = null;
        if (birds.Reachability)
        {
            var (pc, ec) = Reachability.PC(run.Network, run.Result.AreaTotal);
            Reachability.TryProbabilities(run.Network, out _, out var whyNot);
            reach = new RunReachability(pc, ec, whyNot);
        }
        return run with
        {
            Bootstrap = replicates > 0 ? RunBootstrap.Compute(inputs, run, replicates, cancellationToken) : null,
            Reachability = reach,
        };
    }

    /// <summary>One analysis of the report's nodes: the library's result and the links to draw and write.</summary>
    internal static ReportRun Run(double? distanceKm, SiteNetwork network, TelemetryNetwork? telemetry, double? areaTotal)
    {
        var result = ConnectivityAnalysis.Run(network, new ConnectivityOptions { AreaTotal = areaTotal });
        var nodes = network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var telemetryLinks = telemetry?.Links.ToDictionary(l => (l.From, l.To));
        var links = network.Links
            .Where(l => l.Probability >= MinimumLinkProbability)
            .Select(l =>
            {
                var a = nodes[l.From];
                var b = nodes[l.To];
                var t = telemetryLinks?.GetValueOrDefault((l.From, l.To));
                return new ReportLink(l.From, l.To, GreatCircle.DistanceKm(a.Longitude, a.Latitude, b.Longitude, b.Latitude),
                    l.Probability, a.Weight * b.Weight * l.Probability, t?.Individuals, t?.FewIndividuals, t?.AcrossGap, t?.Present);
            })
            .OrderByDescending(l => l.Flux)
            .ThenByDescending(l => l.Probability)
            .ThenBy(l => l.From, StringComparer.Ordinal)
            .ThenBy(l => l.To, StringComparer.Ordinal)
            .Take(MaximumLinks)
            .ToArray();
        return new ReportRun(distanceKm, network, result, links);
    }

    /// <summary>Sites of a run ranked by dPC (largest first), with their node and site.</summary>
    public IReadOnlyList<(int Rank, SiteNode Node, NodeConnectivity Values, ReportSite Site)> Ranking(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Rank(run.Network, run.Result).Select(x => (x.Rank, x.Node, x.Values, Inputs.Sites[x.Node.Id])).ToArray();
    }

    /// <summary>The nodes of a network ranked by dPC, largest first, ties by code: the one order every table, file and
    /// sensitivity rank uses.</summary>
    internal static IEnumerable<(int Rank, SiteNode Node, NodeConnectivity Values)> Rank(SiteNetwork network, ConnectivityResult result) =>
        network.Nodes
            .Select((node, i) => (Node: node, Values: result.PerNode[i]))
            .OrderByDescending(x => x.Values.DPC)
            .ThenBy(x => x.Node.Id, StringComparer.Ordinal)
            .Select((x, i) => (i + 1, x.Node, x.Values));
}
