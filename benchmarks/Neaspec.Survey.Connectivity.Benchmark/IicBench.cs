using System.Diagnostics;
using System.Globalization;
using Neaspec.Survey.Connectivity;

/// <summary>
/// IIC at a large d0, where its links join most pairs: the whole analysis (PC by direct links, IIC with dIIC
/// fractions by bitset BFS), and as the baseline in the same run the heap-based path search IIC used before.
/// </summary>
internal static class IicBench
{
    public static void Run(SiteNode[] nodes, double d0)
    {
        var network = new DistanceDecay(d0).Build(nodes);
        ConnectivityAnalysis.Run(new DistanceDecay(d0).Build(nodes.Take(100).ToArray()));
        var watch = Stopwatch.StartNew();
        var result = ConnectivityAnalysis.Run(network);
        var whole = watch.Elapsed.TotalSeconds;

        // Baseline: the same IIC graph through the general heap-based search (one Dijkstra per source + subtree
        // re-searches), as ConnectivityAnalysis ran it before the bitset search.
        var n = nodes.Length;
        var points = nodes.Select(x => (x.Longitude, x.Latitude)).ToArray();
        var arcs = new List<Graph.Arc>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (GreatCircle.DistanceKm(points[i].Longitude, points[i].Latitude, points[j].Longitude, points[j].Latitude) <= d0)
                {
                    arcs.Add(new Graph.Arc(i, j, 0.5));
                }
            }
        }
        var graph = Graph.Build(n, arcs, directed: false, hops: true, nodes.Select(x => x.Longitude).ToArray());
        var a = nodes.Select(x => x.Weight).ToArray();
        var country = new int[n];
        watch.Restart();
        var bits = HopSearch.Run(graph, a, country, 1, Environment.ProcessorCount);
        var hop = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var heap = PathSearch.Run(graph, a, hops: true, country, 1, Environment.ProcessorCount);
        var baseline = watch.Elapsed.TotalSeconds;
        var diff = bits.Connector.Zip(heap.Connector, (x, y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(y))).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IIC, {n} sites at d0 = {d0} km ({result.IicLinks:N0} IIC links): whole analysis {whole:F2} s (IIC part {hop:F2} s); baseline heap search {baseline:F2} s ({baseline / hop:F0}x); max relative connector diff {diff:E1}; IICnum {result.IICnum:E6} / {heap.Num:E6}"));
    }
}
