using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Connectivity.Tests.Migratory;

public sealed class ReachabilityTests
{
    [Fact]
    public void Two_sites_sending_half_their_birds_to_each_other()
    {
        // A -> B 0.5, B -> A 0.5, the other halves end their season where they are. I - Q = [[1, -.5], [-.5, 1]],
        // det 0.75, N = [[4/3, 2/3], [2/3, 4/3]]. h_AB = N_AB / N_BB = 0.5: A's only move is to B, so a bird
        // leaving A reaches B with its first move or never. h_AA = 1 - 1/N_AA = 0.25 = 0.5 * 0.5 (there and back).
        var h = Reachability.Probabilities(MigratoryConnectivityTests.Matrix([[0, 0.5], [0.5, 0]]));

        Assert.Equal(0.5, h[0, 1], 12);
        Assert.Equal(0.5, h[1, 0], 12);
        Assert.Equal(0.25, h[0, 0], 12);
    }

    [Fact]
    public void A_loop_adds_to_the_best_path()
    {
        // A -> B 0.5 (the other half ends at A); B -> A 0.5, B -> C 0.5; C ends. From A, C is reached by going to
        // B and on to C, or back to A and trying again: h_AC = 0.5 (0.5 + 0.5 h_AC) => h_AC = 0.25 / 0.75 = 1/3.
        // Conefor's p*_AC is the best single path A-B-C = 0.25.
        var h = Reachability.Probabilities(MigratoryConnectivityTests.Matrix([[0, 0.5, 0], [0.5, 0, 0.5], [0, 0, 0]]));

        Assert.Equal(1.0 / 3, h[0, 2], 12);
        Assert.Equal(0, h[2, 0], 12);
    }

    [Fact]
    public void Parallel_routes_are_summed_where_pc_keeps_the_best_one()
    {
        // A sends half its birds to B and half to C; 60 % of B's and 40 % of C's birds go on to D.
        // h_AD = 0.5*0.6 + 0.5*0.4 = 0.5; p*_AD = max(0.3, 0.2) = 0.3. With unit weights:
        // PCnum(p*) = 4 + (0.5 + 0.5 + 0.3) + 0.6 + 0.4 = 6.3; PCnum(h) = 4 + 0.5 + 0.5 + 0.5 + 0.6 + 0.4 = 6.5.
        SiteNode[] nodes = [new("A", 0, 0, 1), new("B", 1, 1, 1), new("C", 1, -1, 1), new("D", 2, 0, 1)];
        var network = SiteNetwork.FromLinks(nodes,
            [new("A", "B", 0.5), new("A", "C", 0.5), new("B", "D", 0.6), new("C", "D", 0.4)], directed: true);

        var h = Reachability.Probabilities(network);

        Assert.Equal(0.5, h[0, 3], 12);
        Assert.Equal(6.5, Reachability.PCnum(network, h), 12);
        Assert.Equal(6.3, ConnectivityAnalysis.Run(network).PCnum, 12);
    }

    [Fact]
    public void On_a_chain_reachability_equals_the_best_path()
    {
        // One route per pair: h = p*, so both PCnum agree. A -0.5-> B -0.4-> C, weights 1, 2, 3:
        // 1 + 4 + 9 + 1*2*0.5 + 1*3*0.2 + 2*3*0.4 = 14 + 1 + 0.6 + 2.4 = 18.
        SiteNode[] nodes = [new("A", 0, 0, 1), new("B", 1, 0, 2), new("C", 2, 0, 3)];
        var network = SiteNetwork.FromLinks(nodes, [new("A", "B", 0.5), new("B", "C", 0.4)], directed: true);

        var pcnum = Reachability.PCnum(network, Reachability.Probabilities(network));

        Assert.Equal(18, pcnum, 12);
        Assert.Equal(ConnectivityAnalysis.Run(network).PCnum, pcnum, 12);
    }

    [Fact]
    public void A_closed_set_of_sites_that_birds_never_leave_is_refused_by_name()
    {
        SiteNode[] nodes = [new("A", 0, 0, 1), new("B", 1, 0, 1), new("C", 2, 0, 1)];
        var network = SiteNetwork.FromLinks(nodes, [new("A", "B", 1), new("B", "A", 1), new("C", "A", 0.5)], directed: true);

        var e = Assert.Throws<ArgumentException>(() => Reachability.Probabilities(network));

        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_above_one_and_undirected_networks_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Reachability.Probabilities(MigratoryConnectivityTests.Matrix([[0, 0.7], [0.6, 0.5]])));
        var decay = new DistanceDecay(100).Build([new SiteNode("A", 0, 0, 1), new SiteNode("B", 1, 0, 1)]);
        Assert.Throws<ArgumentException>(() => Reachability.Probabilities(decay));
    }
}
