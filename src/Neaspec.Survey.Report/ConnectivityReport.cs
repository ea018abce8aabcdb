using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

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
            runs.Add(Run(null, telemetry.ToSiteNetwork(inputs.Nodes), telemetry, inputs.Request.AreaTotal));
        }
        else
        {
            foreach (var d in inputs.Request.DistancesKm)
            {
                runs.Add(Run(d, new DistanceDecay(d, inputs.Request.Probability).Build(inputs.Nodes), null, inputs.Request.AreaTotal));
            }
        }
        return new ConnectivityReport(inputs, runs, DateTime.UtcNow);
    }

    private static ReportRun Run(double? distanceKm, SiteNetwork network, TelemetryNetwork? telemetry, double? areaTotal)
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
                return new ReportLink(l.From, l.To, GreatCircle.DistanceKm(a.Longitude, a.Latitude, b.Longitude, b.Latitude),
                    l.Probability, a.Weight * b.Weight * l.Probability,
                    telemetryLinks?.GetValueOrDefault((l.From, l.To))?.Individuals,
                    telemetryLinks?.GetValueOrDefault((l.From, l.To))?.FewIndividuals,
                    telemetryLinks?.GetValueOrDefault((l.From, l.To))?.AcrossGap);
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
        return run.Network.Nodes
            .Select((node, i) => (Node: node, Values: run.Result.PerNode[i]))
            .OrderByDescending(x => x.Values.DPC)
            .ThenBy(x => x.Node.Id, StringComparer.Ordinal)
            .Select((x, i) => (i + 1, x.Node, x.Values, Inputs.Sites[x.Node.Id]))
            .ToArray();
    }
}
