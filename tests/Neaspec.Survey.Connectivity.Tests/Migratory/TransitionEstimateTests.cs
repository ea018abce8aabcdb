using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Connectivity.Tests.Migratory;

public sealed class TransitionEstimateTests
{
    [Fact]
    public void Psi_is_each_origins_share_of_birds_per_target()
    {
        // Origin 0: three birds, two to target 1 and one to target 0 -> (1/3, 2/3). Origin 1: one bird to 0.
        var estimate = TransitionEstimate.FromIndividuals([0, 0, 0, 1], [1, 0, 1, 0], 3, 2);

        Assert.Equal(1.0 / 3, estimate.Psi[0, 0], 12);
        Assert.Equal(2.0 / 3, estimate.Psi[0, 1], 12);
        Assert.Equal(1, estimate.Psi[1, 0]);
        Assert.Equal(0, estimate.Psi[1, 1]);
        Assert.Equal(2, estimate.Counts[0, 1]);
        Assert.Equal([3, 1, 0], estimate.OriginTotals);
        Assert.Equal(4, estimate.Individuals);
        // Origin 2 has no bird: its row is undefined, not zero.
        Assert.True(double.IsNaN(estimate.Psi[2, 0]));
        Assert.False(estimate.EveryOriginSampled);
    }

    [Fact]
    public void A_region_index_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TransitionEstimate.FromIndividuals([0, 2], [0, 0], 2, 1));
    }
}
