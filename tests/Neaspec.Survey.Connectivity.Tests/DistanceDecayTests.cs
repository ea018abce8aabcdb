using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;

namespace Neaspec.Survey.Connectivity.Tests;

public class DistanceDecayTests
{
    // One degree along the equator: 2 pi R / 360 with R = 6371.0088 km.
    private const double DegreeKm = 2 * Math.PI * 6371.0088 / 360;

    [Fact]
    public void K_gives_p0_at_d0_and_halves_again_at_twice_d0()
    {
        var decay = new DistanceDecay(100, 0.5);
        Assert.Equal(Math.Log(2) / 100, decay.K, 1e-15);
        Assert.Equal(0.5, decay.Probability(100), 1e-12);
        Assert.Equal(0.25, decay.Probability(200), 1e-12);
        Assert.Equal(1, decay.Probability(0), 1e-15);
        // p0 = 0.1 at 50 km: k = ln 10 / 50.
        Assert.Equal(Math.Log(10) / 50, new DistanceDecay(50, 0.1).K, 1e-15);
        Assert.Equal(300, decay.DistanceAt(0.125), 1e-9);
    }

    [Fact]
    public void Great_circle_distance_of_known_arcs()
    {
        Assert.Equal(DegreeKm, GreatCircle.DistanceKm(0, 0, 1, 0), 1e-9);
        Assert.Equal(DegreeKm, GreatCircle.DistanceKm(126, 37, 126, 38), 1e-9); // along a meridian
        Assert.Equal(Math.PI * 6371.0088, GreatCircle.DistanceKm(0, 0, 180, 0), 1e-6);
        // A degree of longitude at 60 degrees north is about half as long (haversine on the sphere).
        Assert.Equal(DegreeKm / 2, GreatCircle.DistanceKm(0, 60, 1, 60), 0.01);
    }

    [Fact]
    public void Three_sites_a_degree_apart_on_the_equator()
    {
        // d0 = one degree: neighbours p = 0.5, the outer pair 0.25; weights 1.
        var nodes = new[] { Node("W", 1, lon: 0), Node("M", 1, lon: 1), Node("E", 1, lon: 2) };
        var r = ConnectivityAnalysis.Run(new DistanceDecay(DegreeKm).Build(nodes));

        // 3 + 2 (0.5 + 0.5 + 0.25) = 5.5, all of it direct.
        Assert.Equal(5.5, r.PCnum, Tolerance);
        Assert.Equal(2.5 / 5.5, r.PCdirect, Tolerance);
        Assert.Equal(0, r.PCstep, Tolerance);
        Assert.Equal(3, r.Links);
        // Without M: 2 + 2 * 0.25 = 2.5.
        Assert.Equal(100 * 3 / 5.5, r.Of("M").DPC, Tolerance);
        Assert.Equal(0, r.Of("M").DPCconnector, Tolerance);
        // IIC links d <= d0: W-M, M-E (d = d0 exactly is linked), not W-E. 3 + 2 (1/2 + 1/2 + 1/3).
        Assert.Equal(2, r.IicLinks);
        Assert.Equal(3 + (2 * ((0.5 * 2) + (1.0 / 3))), r.IICnum, Tolerance);
        Assert.Equal(1, r.Components);
    }

    [Fact]
    public void Pruning_moves_a_pair_from_direct_to_stepping_stone()
    {
        // As above, but links under 0.3 are pruned: W-E (0.25) goes; W-M-E gives 0.5 * 0.5 = 0.25 back.
        var nodes = new[] { Node("W", 1, lon: 0), Node("M", 1, lon: 1), Node("E", 1, lon: 2) };
        var r = ConnectivityAnalysis.Run(new DistanceDecay(DegreeKm).Build(nodes, minimumProbability: 0.3));

        Assert.Equal(5.5, r.PCnum, 1e-9);
        Assert.Equal(2, r.Links);
        Assert.Equal(0.5 / 5.5, r.PCstep, 1e-9);
        Assert.Equal(100 * 0.5 / 5.5, r.Of("M").DPCconnector, 1e-9);
    }

    [Fact]
    public void Direct_links_match_a_full_path_search_on_scattered_sites()
    {
        var random = new Random(5);
        var nodes = Enumerable.Range(0, 60)
            .Select(i => new SiteNode($"s{i}", 110 + (30 * random.NextDouble()), 25 + (25 * random.NextDouble()), 1 + random.Next(10), i % 2 == 0 ? "CN" : "KR"))
            .ToArray();
        var network = new DistanceDecay(300).Build(nodes);

        var direct = ConnectivityAnalysis.Run(network);
        var searched = ConnectivityAnalysis.Run(network, new ConnectivityOptions { DirectLinksAreBestInMetricDecay = false });

        Assert.Equal(searched.PCnum, direct.PCnum, 1e-9 * searched.PCnum);
        Assert.Equal(searched.PCstep, direct.PCstep, 1e-9);
        Assert.Equal(searched.CountryPairs!.TransboundaryShare, direct.CountryPairs!.TransboundaryShare, 1e-9);
        for (var k = 0; k < nodes.Length; k++)
        {
            Assert.Equal(searched.PerNode[k].DPC, direct.PerNode[k].DPC, 1e-7);
            Assert.Equal(searched.PerNode[k].DPCconnector, direct.PerNode[k].DPCconnector, 1e-7);
        }
    }

    [Fact]
    public void Pruning_lowers_PCnum_by_less_than_its_bound()
    {
        var random = new Random(6);
        var nodes = Enumerable.Range(0, 80)
            .Select(i => new SiteNode($"s{i}", 115 + (20 * random.NextDouble()), 30 + (20 * random.NextDouble()), 1 + random.Next(5)))
            .ToArray();
        var decay = new DistanceDecay(200);
        var full = ConnectivityAnalysis.Run(decay.Build(nodes));
        var pruned = ConnectivityAnalysis.Run(decay.Build(nodes, minimumProbability: 0.05));

        var sumA = nodes.Sum(x => x.Weight);
        var offDiagonal = (sumA * sumA) - nodes.Sum(x => x.Weight * x.Weight);
        Assert.True(pruned.PCnum <= full.PCnum + 1e-9);
        Assert.True(full.PCnum - pruned.PCnum < 0.05 * offDiagonal);
        Assert.True(pruned.Links < full.Links);
    }
}
