using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>The smaller fixes of issue 12, each shown on a network whose answer is worked out by hand.</summary>
public class AnalysisFixesTests
{
    [Fact]
    public void Betweenness_splits_the_credit_between_equally_good_paths()
    {
        // A square S - A - T - B - S, every link p = 0.5, every weight 1. S and T are joined by two best paths
        // (through A or through B), each p* = 0.25; so are A and B (through S or T). Brandes: each path carries half.
        // BC_A = half of a_S a_T p*_ST for both orders = 2 * 0.5 * 0.25 = 0.25; by symmetry every node has 0.25.
        // Crediting the first path found gives 0.5 to one of A, B and 0 to the other.
        SiteNode[] nodes = [Node("S", 1), Node("A", 1), Node("T", 1), Node("B", 1)];
        var network = Undirected(nodes, ("S", "A", 0.5), ("A", "T", 0.5), ("T", "B", 0.5), ("B", "S", 0.5));

        var r = ConnectivityAnalysis.Run(network);

        Assert.All(r.PerNode, v => Assert.Equal(0.25, v.BC, Tolerance));
    }

    [Fact]
    public void Betweenness_splits_by_the_number_of_best_paths_through_a_node()
    {
        // Directed, three best paths S -> T of p* = 0.25, via A, via B and via C (each link 0.5): each of A, B, C
        // carries a third of the pair, BC = a_S a_T p* / 3 = 1 * 1 * 0.25 / 3.
        SiteNode[] nodes = [Node("S", 1), Node("A", 1), Node("B", 1), Node("C", 1), Node("T", 1)];
        var network = Directed(nodes, ("S", "A", 0.5), ("S", "B", 0.5), ("S", "C", 0.5), ("A", "T", 0.5), ("B", "T", 0.5), ("C", "T", 0.5));

        var r = ConnectivityAnalysis.Run(network);

        foreach (var id in new[] { "A", "B", "C" })
        {
            Assert.Equal(0.25 / 3, r.Of(id).BC, Tolerance);
        }
        Assert.Equal(0, r.Of("S").BC);
    }

    [Theory]
    [InlineData(false, 11)]
    [InlineData(true, 12)]
    public void Betweenness_matches_its_definition_on_random_networks(bool directed, int seed)
    {
        // All-pairs best paths by Floyd-Warshall on -ln p; with random p every best path is unique, and k is on the
        // best path i -> j when d_ik + d_kj = d_ij. BC_k = sum of a_i a_j exp(-d_ij) over those ordered pairs.
        var network = Random(25, 0.15, directed, seed);
        var nodes = network.Nodes;
        var n = nodes.Count;
        var index = nodes.Select((x, i) => (x.Id, i)).ToDictionary(t => t.Id, t => t.i);
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : double.PositiveInfinity;
            }
        }
        foreach (var l in network.Links)
        {
            d[index[l.From], index[l.To]] = -Math.Log(l.Probability);
            if (!directed)
            {
                d[index[l.To], index[l.From]] = -Math.Log(l.Probability);
            }
        }
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    d[i, j] = Math.Min(d[i, j], d[i, k] + d[k, j]);
                }
            }
        }
        var r = ConnectivityAnalysis.Run(network);
        for (var k = 0; k < n; k++)
        {
            var bc = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != k && j != k && i != j && !double.IsPositiveInfinity(d[i, j]) && Math.Abs(d[i, k] + d[k, j] - d[i, j]) < 1e-9)
                    {
                        bc += nodes[i].Weight * nodes[j].Weight * Math.Exp(-d[i, j]);
                    }
                }
            }
            Assert.Equal(bc, r.PerNode[k].BC, 1e-9);
        }
    }

    [Fact]
    public void Two_runs_give_the_same_bits_whatever_the_number_of_threads()
    {
        // Floating-point sums depend on their order; the sources are summed in fixed chunks, so 1, 2 or 3 threads
        // (and any timing) give identical doubles, and the files written from them are byte-identical.
        var random = new Random(5);
        var nodes = Enumerable.Range(0, 300).Select(i => new SiteNode($"s{i}", 100 + (45 * random.NextDouble()),
            20 + (35 * random.NextDouble()), 1 + random.Next(1000), i % 3 == 0 ? "KR" : "CN")).ToArray();
        foreach (var network in new[] { new DistanceDecay(300).Build(nodes), new DistanceDecay(300).Build(nodes, 0.05) })
        {
            var runs = new[] { 1, 2, 3, 2 }
                .Select(dop => ConnectivityAnalysis.Run(network, new ConnectivityOptions { MaxDegreeOfParallelism = dop }))
                .ToArray();
            foreach (var r in runs.Skip(1))
            {
                Assert.Equal(runs[0].PCnum, r.PCnum);
                Assert.Equal(runs[0].IICnum, r.IICnum);
                Assert.Equal(runs[0].PerNode, r.PerNode);
                Assert.Equal(runs[0].CountryPairs!.Pairs, r.CountryPairs!.Pairs);
            }
        }
    }

    [Fact]
    public void Iic_links_never_exceed_the_pc_links_when_a_minimum_probability_is_set()
    {
        // Three sites 10 km apart in a row (20 km end to end), d0 = 30 km, p0 = 0.5: p(10) = 0.5^(1/3) = 0.794,
        // p(20) = 0.5^(2/3) = 0.630. With links below 0.7 pruned, PC keeps the two 10 km links; every pair lies within
        // d0, so IIC used to count all three pairs as linked.
        var step = 10 / Tracks.KmPerDegree;
        SiteNode[] nodes = [new("A", 120, 30, 1), new("B", 120, 30 + step, 1), new("C", 120, 30 + (2 * step), 1)];

        var r = ConnectivityAnalysis.Run(new DistanceDecay(30).Build(nodes, 0.7));

        Assert.Equal(2, r.Links);
        Assert.Equal(2, r.IicLinks);
        // IIC over the path A - B - C: 3 + 2 (1/2 + 1/2 + 1/3) = 3 + 8/3.
        Assert.Equal(3 + (8.0 / 3), r.IICnum, Tolerance);
    }

    [Fact]
    public void A_given_area_total_keeps_pc_comparable_and_may_not_be_below_the_weights()
    {
        // Two sites of 1 and 3 birds, p = 0.5: PCnum = 1 + 9 + 2 * 3 * 0.5 = 13. With A_L = the flyway's 20 birds,
        // PC = 13 / 400 (with the default A_L = 4, PC = 13 / 16). A_L = 3 < 4 would make PC > 1: refused.
        var network = Undirected([Node("A", 1), Node("B", 3)], ("A", "B", 0.5));

        Assert.Equal(13.0 / 16, ConnectivityAnalysis.Run(network).PC, Tolerance);
        Assert.Equal(13.0 / 400, ConnectivityAnalysis.Run(network, new ConnectivityOptions { AreaTotal = 20 }).PC, Tolerance);
        var e = Assert.Throws<ArgumentException>(() => ConnectivityAnalysis.Run(network, new ConnectivityOptions { AreaTotal = 3 }));
        Assert.Contains("less than the sum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transboundary_share_is_also_given_over_between_site_connectivity()
    {
        // A (KR, 1) - B (CN, 1) with p = 0.5, and C (CN, 2) linked to B with p = 1:
        // p*: AB 0.5, BC 1, AC 0.5. PCnum = (1 + 1 + 4) + 2 (1*1*0.5 + 1*2*1 + 1*2*0.5) = 6 + 7 = 13.
        // Across the border: A-B and A-C, 2 (0.5 + 1) = 3. Share of PCnum 3/13; of the between-site part 3/7.
        var network = Undirected([Node("A", 1, "KR"), Node("B", 1, "CN"), Node("C", 2, "CN")], ("A", "B", 0.5), ("B", "C", 1));

        var pairs = ConnectivityAnalysis.Run(network).CountryPairs!;

        Assert.Equal(3.0 / 13, pairs.TransboundaryShare, Tolerance);
        Assert.Equal(3.0 / 7, pairs.TransboundaryShareBetweenSites, Tolerance);
    }
}
