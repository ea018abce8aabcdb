namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Nodes (sites with weights a_i) and links (direct probabilities p_ij) — the input of
/// <see cref="ConnectivityAnalysis"/>. Build one with <see cref="FromLinks"/>, <see cref="DistanceDecay.Build"/>
/// or <see cref="TelemetryNetwork.ToSiteNetwork"/>.
/// </summary>
public sealed class SiteNetwork
{
    private readonly SiteLink[]? links;

    private SiteNetwork(IReadOnlyList<SiteNode> nodes, bool isDirected, SiteLink[]? links,
        DistanceDecay? decay, double minimumProbability)
    {
        Nodes = nodes;
        IsDirected = isDirected;
        this.links = links;
        Decay = decay;
        MinimumProbability = minimumProbability;
        Index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!Index.TryAdd(node.Id, i))
            {
                throw new ArgumentException($"Site id '{node.Id}' appears twice.", nameof(nodes));
            }
            if (!(node.Weight >= 0) || double.IsInfinity(node.Weight))
            {
                throw new ArgumentException($"Site '{node.Id}' has weight {node.Weight}; weights must be finite and >= 0.", nameof(nodes));
            }
        }
    }

    /// <summary>The sites, in the order results are reported.</summary>
    public IReadOnlyList<SiteNode> Nodes { get; }

    /// <summary>True when p_ij and p_ji are separate links (telemetry); false when each link goes both ways.</summary>
    public bool IsDirected { get; }

    /// <summary>The distance-decay kernel this network was built from, or null for explicit links.</summary>
    public DistanceDecay? Decay { get; }

    /// <summary>Links with p below this were pruned (0 = nothing pruned).</summary>
    public double MinimumProbability { get; }

    internal Dictionary<string, int> Index { get; }

    /// <summary>
    /// The links with p &gt; 0. For a distance-decay network they are generated from the coordinates on each
    /// enumeration (a complete network of 2,000 sites has two million of them), each pair once.
    /// </summary>
    public IEnumerable<SiteLink> Links => links ?? DecayLinks();

    /// <summary>
    /// A network from explicit links (an edges file, a hand-made graph). Links with p = 0 are dropped:
    /// they are no connection at all.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown site id, a link from a site to itself, p outside [0, 1],
    /// or the same link twice (for undirected networks i-j and j-i are the same link).</exception>
    public static SiteNetwork FromLinks(IReadOnlyList<SiteNode> nodes, IEnumerable<SiteLink> links, bool directed)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        var kept = new List<SiteLink>();
        var network = new SiteNetwork(nodes, directed, null, null, 0);
        var seen = new HashSet<(int, int)>();
        foreach (var link in links)
        {
            if (!network.Index.TryGetValue(link.From, out var from))
            {
                throw new ArgumentException($"Link {link.From}->{link.To}: unknown site '{link.From}'.", nameof(links));
            }
            if (!network.Index.TryGetValue(link.To, out var to))
            {
                throw new ArgumentException($"Link {link.From}->{link.To}: unknown site '{link.To}'.", nameof(links));
            }
            if (from == to)
            {
                throw new ArgumentException($"Link {link.From}->{link.To} joins a site to itself; p_ii is 1 by definition.", nameof(links));
            }
            if (!(link.Probability >= 0 && link.Probability <= 1))
            {
                throw new ArgumentException($"Link {link.From}->{link.To} has p = {link.Probability}; p must be in [0, 1].", nameof(links));
            }
            var key = directed ? (from, to) : (Math.Min(from, to), Math.Max(from, to));
            if (!seen.Add(key))
            {
                throw new ArgumentException($"Link {link.From}->{link.To} is given twice.", nameof(links));
            }
            if (link.Probability > 0)
            {
                kept.Add(link);
            }
        }
        return new SiteNetwork(nodes, directed, kept.ToArray(), null, 0);
    }

    internal static SiteNetwork FromDecay(IReadOnlyList<SiteNode> nodes, DistanceDecay decay, double minimumProbability) =>
        new(nodes, false, null, decay, minimumProbability);

    private IEnumerable<SiteLink> DecayLinks()
    {
        var points = Points();
        for (var i = 0; i < Nodes.Count; i++)
        {
            for (var j = i + 1; j < Nodes.Count; j++)
            {
                var p = Decay!.Probability(points[i].DistanceKm(points[j]));
                if (p > 0 && p >= MinimumProbability)
                {
                    yield return new SiteLink(Nodes[i].Id, Nodes[j].Id, p);
                }
            }
        }
    }

    internal GreatCircle.Point[] Points()
    {
        var points = new GreatCircle.Point[Nodes.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new GreatCircle.Point(Nodes[i].Longitude, Nodes[i].Latitude);
        }
        return points;
    }
}
