using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;

namespace Neaspec.Survey.Connectivity.Tests;

public class InvariantTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(true, 4)]
    public void DPC_fractions_add_up_and_match_removing_the_node(bool directed, int seed)
    {
        var network = Random(25, 0.12, directed, seed);
        var r = ConnectivityAnalysis.Run(network);

        foreach (var node in network.Nodes)
        {
            var v = r.Of(node.Id);
            Assert.Equal(v.DPC, v.DPCintra + v.DPCflux + v.DPCconnector, Tolerance);
            // The definition: 100 (PCnum - PCnum without k) / PCnum, by rebuilding the network without k.
            var without = ConnectivityAnalysis.Run(Without(network, node.Id));
            Assert.Equal(100 * (r.PCnum - without.PCnum) / r.PCnum, v.DPC, 1e-7);
            Assert.Equal(100 * (r.IICnum - without.IICnum) / r.IICnum, v.DIIC, 1e-7);
            Assert.True(v.DPCconnector >= -1e-9, $"{node.Id}: dPCconnector {v.DPCconnector} < 0");
        }
        Assert.Equal(1, r.PCintra + r.PCdirect + r.PCstep, Tolerance);
    }

    [Fact]
    public void DPC_of_an_isolated_node_is_its_dPCintra()
    {
        var network = Undirected([Node("A", 1), Node("B", 1), Node("E", 3)], ("A", "B", 0.5));
        var r = ConnectivityAnalysis.Run(network);

        var e = r.Of("E");
        Assert.Equal(e.DPCintra, e.DPC, Tolerance);
        Assert.Equal(100 * 9 / (3 + 9.0), e.DPC, Tolerance); // PCnum = 1 + 1 + 2 * 0.5 + 9
        Assert.Equal(0, e.DPCflux, Tolerance);
        Assert.Equal(2, r.Components);
    }

    [Fact]
    public void EC_of_one_node_is_its_weight()
    {
        var r = ConnectivityAnalysis.Run(Undirected([Node("A", 7.5)]));
        Assert.Equal(7.5, r.EC, Tolerance);
        Assert.Equal(1, r.PC, Tolerance);
        Assert.Equal(100, r.Of("A").DPC, Tolerance);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var network = Random(40, 0.1, directed: false, seed: 9);
        var one = ConnectivityAnalysis.Run(network, new ConnectivityOptions { MaxDegreeOfParallelism = 1 });
        var two = ConnectivityAnalysis.Run(network, new ConnectivityOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.PCnum, two.PCnum, Tolerance);
        for (var k = 0; k < network.Nodes.Count; k++)
        {
            Assert.Equal(one.PerNode[k].DPC, two.PerNode[k].DPC, Tolerance);
            Assert.Equal(one.PerNode[k].BC, two.PerNode[k].BC, Tolerance);
        }
    }
}
