using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>Small graphs whose indices are worked out by hand in each test.</summary>
public class HandWorkedGraphTests
{
    [Fact]
    public void Chain_of_three_sites()
    {
        // A(1) -0.5- B(2) -0.4- C(3); no direct A-C link.
        var network = Undirected([Node("A", 1), Node("B", 2), Node("C", 3)], ("A", "B", 0.5), ("B", "C", 0.4));
        var r = ConnectivityAnalysis.Run(network);

        // p*: AB 0.5, BC 0.4, AC 0.5 * 0.4 = 0.2.
        // PCnum = (1 + 4 + 9) + 2 (1*2*0.5 + 2*3*0.4 + 1*3*0.2) = 14 + 2 (1 + 2.4 + 0.6) = 22.
        Assert.Equal(22, r.PCnum, Tolerance);
        Assert.Equal(22.0 / 36, r.PC, Tolerance); // A_L = 1 + 2 + 3 = 6
        Assert.Equal(Math.Sqrt(22), r.EC, Tolerance);
        Assert.Equal(14.0 / 22, r.PCintra, Tolerance);
        Assert.Equal(6.8 / 22, r.PCdirect, Tolerance); // AB and BC both ways
        Assert.Equal(1.2 / 22, r.PCstep, Tolerance); // AC both ways, via B

        // Without B: A and C alone, PCnum = 1 + 9 = 10.
        var b = r.Of("B");
        Assert.Equal(100 * 12.0 / 22, b.DPC, Tolerance);
        Assert.Equal(100 * 4.0 / 22, b.DPCintra, Tolerance);
        Assert.Equal(100 * 2 * (1 + 2.4) / 22, b.DPCflux, Tolerance);
        Assert.Equal(100 * 1.2 / 22, b.DPCconnector, Tolerance);
        Assert.Equal(2 * 1 * 3 * 0.2, b.BC, Tolerance); // (A, C) and (C, A) pass through B

        // Without A: B, C: 4 + 9 + 2 * 2.4 = 17.8, so dPC_A = 100 * 4.2 / 22 and no connector part.
        var a = r.Of("A");
        Assert.Equal(100 * 4.2 / 22, a.DPC, Tolerance);
        Assert.Equal(100 * 2 * (1 + 0.6) / 22, a.DPCflux, Tolerance);
        Assert.Equal(0, a.DPCconnector, Tolerance);
        Assert.Equal(0, a.BC, Tolerance);

        // IIC: nl AB = BC = 1, AC = 2. IICnum = 14 + 2 (2/2 + 6/2 + 3/3) = 24; without B: 10.
        Assert.Equal(24, r.IICnum, Tolerance);
        Assert.Equal(24.0 / 36, r.IIC, Tolerance);
        Assert.Equal(100 * 14.0 / 24, b.DIIC, Tolerance);
        Assert.Equal(100 * 2.0 / 24, b.DIICconnector, Tolerance); // 2 * a_A a_C / (1 + 2)
        Assert.Equal(1, r.Components);
        Assert.Equal(2, r.Links);
    }

    [Fact]
    public void Star_with_three_leaves()
    {
        // Hub H and leaves L1..L3, all weight 1, each leaf linked to H with p = 0.5.
        var network = Undirected([Node("H", 1), Node("L1", 1), Node("L2", 1), Node("L3", 1)],
            ("H", "L1", 0.5), ("H", "L2", 0.5), ("H", "L3", 0.5));
        var r = ConnectivityAnalysis.Run(network);

        // PCnum = 4 (intra) + 2 * 3 * 0.5 (hub-leaf) + 2 * 3 * 0.25 (leaf-leaf via H) = 8.5.
        Assert.Equal(8.5, r.PCnum, Tolerance);
        var h = r.Of("H");
        // Without H: three isolated leaves, PCnum = 3.
        Assert.Equal(100 * 5.5 / 8.5, h.DPC, Tolerance);
        Assert.Equal(100 * 1 / 8.5, h.DPCintra, Tolerance);
        Assert.Equal(100 * 3 / 8.5, h.DPCflux, Tolerance);
        Assert.Equal(100 * 1.5 / 8.5, h.DPCconnector, Tolerance);
        Assert.Equal(6 * 0.25, h.BC, Tolerance);

        // Without L1: 3 + 2 * 2 * 0.5 + 2 * 0.25 = 5.5.
        var leaf = r.Of("L1");
        Assert.Equal(100 * 3 / 8.5, leaf.DPC, Tolerance);
        Assert.Equal(100 * 2 / 8.5, leaf.DPCflux, Tolerance); // 2 (0.5 + 0.25 + 0.25)
        Assert.Equal(0, leaf.DPCconnector, Tolerance);

        // IIC: hub-leaf nl = 1, leaf-leaf nl = 2: 4 + 6 / 2 + 6 / 3 = 9; without H: 3.
        Assert.Equal(9, r.IICnum, Tolerance);
        Assert.Equal(100 * 6 / 9.0, h.DIIC, Tolerance);
    }

    [Fact]
    public void Two_components()
    {
        // A(1) -0.5- B(1) and, apart, C(2) -0.8- D(2).
        var network = Undirected([Node("A", 1), Node("B", 1), Node("C", 2), Node("D", 2)], ("A", "B", 0.5), ("C", "D", 0.8));
        var r = ConnectivityAnalysis.Run(network);

        // (1 + 1 + 2 * 0.5) + (4 + 4 + 2 * 4 * 0.8) = 3 + 14.4; nothing across the components.
        Assert.Equal(17.4, r.PCnum, Tolerance);
        Assert.Equal(2, r.Components);
        // Without C: 3 + 4 = 7.
        var c = r.Of("C");
        Assert.Equal(100 * 10.4 / 17.4, c.DPC, Tolerance);
        Assert.Equal(100 * 6.4 / 17.4, c.DPCflux, Tolerance);
        Assert.Equal(0, c.DPCconnector, Tolerance);
        // IIC, nl = 1 inside each component: (1 + 1 + 2 * 1 / 2) + (4 + 4 + 2 * 4 / 2) = 15.
        Assert.Equal(15, r.IICnum, Tolerance);
    }

    [Fact]
    public void Directed_pair_with_different_probabilities_each_way()
    {
        // A(1) -> B(2) with 0.6, B -> A with 0.2.
        var network = Directed([Node("A", 1), Node("B", 2)], ("A", "B", 0.6), ("B", "A", 0.2));
        var r = ConnectivityAnalysis.Run(network);

        // 1 + 4 + 1 * 2 * 0.6 + 2 * 1 * 0.2 = 6.6.
        Assert.Equal(6.6, r.PCnum, Tolerance);
        Assert.Equal(2, r.Links);
        var a = r.Of("A");
        // Without A only B: 4. Flux sums both directions: 1.2 + 0.4.
        Assert.Equal(100 * 2.6 / 6.6, a.DPC, Tolerance);
        Assert.Equal(100 * 1.0 / 6.6, a.DPCintra, Tolerance);
        Assert.Equal(100 * 1.6 / 6.6, a.DPCflux, Tolerance);
    }

    [Fact]
    public void Directed_chain_only_connects_forwards()
    {
        // A -> B -> C, each 0.5, all weights 1: p*_AC = 0.25, p*_CA = 0.
        var network = Directed([Node("A", 1), Node("B", 1), Node("C", 1)], ("A", "B", 0.5), ("B", "C", 0.5));
        var r = ConnectivityAnalysis.Run(network);

        Assert.Equal(3 + 0.5 + 0.5 + 0.25, r.PCnum, Tolerance);
        Assert.Equal(100 * 0.25 / 4.25, r.Of("B").DPCconnector, Tolerance);
        Assert.Equal(0.25, r.Of("B").BC, Tolerance); // only (A, C)
        // IIC: AB, BC at nl 1, AC at nl 2, nothing backwards.
        Assert.Equal(3 + 0.5 + 0.5 + (1.0 / 3), r.IICnum, Tolerance);
    }

    [Fact]
    public void A_longer_path_can_beat_the_direct_link()
    {
        // A-C direct 0.1, but A-B-C gives 0.8 * 0.5 = 0.4; weights 1.
        var network = Undirected([Node("A", 1), Node("B", 1), Node("C", 1)], ("A", "B", 0.8), ("B", "C", 0.5), ("A", "C", 0.1));
        var r = ConnectivityAnalysis.Run(network);

        // 3 + 2 (0.8 + 0.5 + 0.4) = 6.4; AC is a stepping-stone pair.
        Assert.Equal(6.4, r.PCnum, Tolerance);
        Assert.Equal(0.8 / 6.4, r.PCstep, Tolerance);
        // Without B: 2 + 2 * 0.1 = 2.2; the connector part is what B adds to A-C: 2 (0.4 - 0.1).
        Assert.Equal(100 * (6.4 - 2.2 - 1) / 6.4, r.Of("B").DPC - r.Of("B").DPCintra, Tolerance);
        Assert.Equal(100 * 0.6 / 6.4, r.Of("B").DPCconnector, Tolerance);
    }

    [Fact]
    public void Country_pairs_split_PCnum()
    {
        // The chain of three, A in KR, B and C in CN.
        var network = Undirected([Node("A", 1, "KR"), Node("B", 2, "CN"), Node("C", 3, "CN")], ("A", "B", 0.5), ("B", "C", 0.4));
        var r = ConnectivityAnalysis.Run(network);
        var table = r.CountryPairs!;

        // KR-KR: 1. CN-CN: 4 + 9 + 2 * 2.4 = 17.8. KR->CN = CN->KR = 1*2*0.5 + 1*3*0.2 = 1.6.
        Assert.Equal(1, table.Pairs.Single(p => p is { From: "KR", To: "KR" }).PCnum, Tolerance);
        Assert.Equal(17.8, table.Pairs.Single(p => p is { From: "CN", To: "CN" }).PCnum, Tolerance);
        Assert.Equal(1.6, table.Pairs.Single(p => p is { From: "KR", To: "CN" }).PCnum, Tolerance);
        Assert.Equal(1.6, table.Pairs.Single(p => p is { From: "CN", To: "KR" }).PCnum, Tolerance);
        Assert.Equal(3.2 / 22, table.TransboundaryShare, Tolerance);
    }

    [Fact]
    public void No_country_table_when_a_site_lacks_a_country()
    {
        var network = Undirected([Node("A", 1, "KR"), Node("B", 2)], ("A", "B", 0.5));
        Assert.Null(ConnectivityAnalysis.Run(network).CountryPairs);
    }
}
