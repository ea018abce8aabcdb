using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>A link as the report draws and writes it.</summary>
/// <param name="From">Site code i.</param>
/// <param name="To">Site code j.</param>
/// <param name="LengthKm">Great-circle distance in km.</param>
/// <param name="Probability">p_ij.</param>
/// <param name="Flux">a_i a_j p_ij, the link's share of the connectivity before normalising.</param>
/// <param name="Individuals">Distinct tracked individuals that made the move (telemetry links only).</param>
public sealed record ReportLink(string From, string To, double LengthKm, double Probability, double Flux, int? Individuals);

/// <summary>One analysis of the report: one distance-decay d0, or the telemetry network.</summary>
/// <param name="DistanceKm">d0 in km, or null for telemetry links.</param>
/// <param name="Network">The network analysed.</param>
/// <param name="Result">The library's result.</param>
/// <param name="Links">The links written and drawn (see <see cref="ConnectivityReport.MinimumLinkProbability"/>).</param>
public sealed record ReportRun(double? DistanceKm, SiteNetwork Network, ConnectivityResult Result, IReadOnlyList<ReportLink> Links)
{
    /// <summary>"d100km", or "telemetry": ids and folder-safe names.</summary>
    public string Key => DistanceKm is { } d ? ConnectivityFiles.FolderName(d) : "telemetry";

    /// <summary>"d0 = 100 km" or "telemetry".</summary>
    public string Label => DistanceKm is { } d ? $"d0 = {Format.Number(d)} km" : "telemetry links";
}

/// <summary>
/// The connectivity report of one species, season and year: <see cref="ConnectivityAnalysis"/> run on the
/// inputs' nodes for each distance (or once on the telemetry network). Write it with <see cref="ReportFiles"/>
/// and <see cref="HtmlReport"/>, store it with <see cref="ReportViews"/>.
/// </summary>
public sealed class ConnectivityReport
{
    /// <summary>Links with a smaller p are neither drawn nor written (they are in the analysis).</summary>
    public const double MinimumLinkProbability = 0.001;

    /// <summary>At most this many links (the strongest by flux) are drawn and written per run.</summary>
    public const int MaximumLinks = 1000;

    private ConnectivityReport(ConnectivityInputs inputs, IReadOnlyList<ReportRun> runs, DateTime generatedAt)
    {
        Inputs = inputs;
        Runs = runs;
        GeneratedAt = generatedAt;
    }

    /// <summary>What the report was computed from.</summary>
    public ConnectivityInputs Inputs { get; }

    /// <summary>One run per distance (in the order asked), or one telemetry run.</summary>
    public IReadOnlyList<ReportRun> Runs { get; }

    /// <summary>UTC time of the computation.</summary>
    public DateTime GeneratedAt { get; }

    /// <summary>Where links come from: "telemetry" or "distance decay".</summary>
    public string LinkSource => Inputs.Telemetry is null ? "distance decay" : "telemetry";

    /// <summary>Runs the analyses.</summary>
    public static ConnectivityReport Compute(ConnectivityInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var runs = new List<ReportRun>();
        if (inputs.Telemetry is { } telemetry)
        {
            runs.Add(Run(null, telemetry.ToSiteNetwork(inputs.Nodes), telemetry));
        }
        else
        {
            foreach (var d in inputs.Request.DistancesKm)
            {
                runs.Add(Run(d, new DistanceDecay(d, inputs.Request.Probability).Build(inputs.Nodes), null));
            }
        }
        return new ConnectivityReport(inputs, runs, DateTime.UtcNow);
    }

    private static ReportRun Run(double? distanceKm, SiteNetwork network, TelemetryNetwork? telemetry)
    {
        var result = ConnectivityAnalysis.Run(network);
        var nodes = network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var individuals = telemetry?.Links.ToDictionary(l => (l.From, l.To), l => l.Individuals);
        var links = network.Links
            .Where(l => l.Probability >= MinimumLinkProbability)
            .Select(l =>
            {
                var a = nodes[l.From];
                var b = nodes[l.To];
                return new ReportLink(l.From, l.To, GreatCircle.DistanceKm(a.Longitude, a.Latitude, b.Longitude, b.Latitude),
                    l.Probability, a.Weight * b.Weight * l.Probability,
                    individuals?.GetValueOrDefault((l.From, l.To)));
            })
            .OrderByDescending(l => l.Flux)
            .ThenByDescending(l => l.Probability)
            .Take(MaximumLinks)
            .ToArray();
        return new ReportRun(distanceKm, network, result, links);
    }

    /// <summary>Sites of a run ranked by dPC (largest first), with their node and site.</summary>
    public IReadOnlyList<(int Rank, SiteNode Node, NodeConnectivity Values, ReportSite Site)> Ranking(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Network.Nodes
            .Select((node, i) => (Node: node, Values: run.Result.PerNode[i]))
            .OrderByDescending(x => x.Values.DPC)
            .ThenBy(x => x.Node.Id, StringComparer.Ordinal)
            .Select((x, i) => (i + 1, x.Node, x.Values, Inputs.Sites[x.Node.Id]))
            .ToArray();
    }
}
