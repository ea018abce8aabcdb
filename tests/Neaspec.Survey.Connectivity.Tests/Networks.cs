using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>Small hand-made networks for the tests.</summary>
internal static class Networks
{
    public const double Tolerance = 1e-9;

    public static SiteNode Node(string id, double weight, string? country = null, double lon = 0, double lat = 0) =>
        new(id, lon, lat, weight, country);

    public static SiteNetwork Undirected(SiteNode[] nodes, params (string From, string To, double P)[] links) =>
        SiteNetwork.FromLinks(nodes, links.Select(l => new SiteLink(l.From, l.To, l.P)), directed: false);

    public static SiteNetwork Directed(SiteNode[] nodes, params (string From, string To, double P)[] links) =>
        SiteNetwork.FromLinks(nodes, links.Select(l => new SiteLink(l.From, l.To, l.P)), directed: true);

    public static NodeConnectivity Of(this ConnectivityResult result, string id) => result.PerNode.Single(x => x.Id == id);

    /// <summary>A random sparse network with some stepping-stone structure.</summary>
    public static SiteNetwork Random(int n, double linkChance, bool directed, int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, n).Select(i => Node($"s{i}", 1 + random.Next(5))).ToArray();
        var links = new List<SiteLink>();
        for (var i = 0; i < n; i++)
        {
            for (var j = directed ? 0 : i + 1; j < n; j++)
            {
                if (i != j && random.NextDouble() < linkChance)
                {
                    links.Add(new SiteLink($"s{i}", $"s{j}", 0.05 + (0.9 * random.NextDouble())));
                }
            }
        }
        return SiteNetwork.FromLinks(nodes, links, directed);
    }

    /// <summary>The network without one site, for checking dPC against its definition.</summary>
    public static SiteNetwork Without(SiteNetwork network, string id) =>
        SiteNetwork.FromLinks(
            network.Nodes.Where(x => x.Id != id).ToArray(),
            network.Links.Where(l => l.From != id && l.To != id),
            network.IsDirected);
}
