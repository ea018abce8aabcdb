using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Connectivity.Tests.Migratory;

public sealed class MantelCorrelationTests
{
    [Fact]
    public void Three_birds_worked_by_hand()
    {
        // Origins at 0, 1, 3 on a line, targets at 0, 2, 4. Pairs (12, 13, 23): origin distances 1, 3, 2,
        // target distances 2, 4, 2. Means 2 and 8/3; deviations (-1, 1, 0) and (-2/3, 4/3, -2/3);
        // sum dx dy = 2/3 + 4/3 = 2, sum dx^2 = 2, sum dy^2 = 24/9 = 8/3; rM = 2 / sqrt(16/3) = sqrt(3)/2.
        var o = MigratoryConnectivityTests.Matrix([[0, 1, 3], [1, 0, 2], [3, 2, 0]]);
        var t = MigratoryConnectivityTests.Matrix([[0, 2, 4], [2, 0, 2], [4, 2, 0]]);

        Assert.Equal(Math.Sqrt(3) / 2, MantelCorrelation.FromDistances(o, t), 12);
    }

    [Fact]
    public void Points_on_the_equator_give_the_same_as_their_distances()
    {
        // Along the equator the great-circle distance is R * delta-longitude, so the case above in degrees.
        (double, double)[] origins = [(100, 0), (101, 0), (103, 0)];
        (double, double)[] targets = [(120, 0), (122, 0), (124, 0)];

        Assert.Equal(Math.Sqrt(3) / 2, MantelCorrelation.FromPoints(origins, targets), 9);
    }

    [Fact]
    public void A_resample_with_a_repeated_bird_pairs_it_with_itself_at_distance_zero()
    {
        // Birds 0, 0, 2 of the case above: pairs (0,0), (0,2), (0,2): origin 0, 3, 3; target 0, 4, 4;
        // the two series are proportional, rM = 1.
        var o = MigratoryConnectivityTests.Matrix([[0, 1, 3], [1, 0, 2], [3, 2, 0]]);
        var t = MigratoryConnectivityTests.Matrix([[0, 2, 4], [2, 0, 2], [4, 2, 0]]);

        Assert.Equal(1, MantelCorrelation.FromDistances(o, t, [0, 0, 2]), 12);
    }

    [Fact]
    public void Fewer_than_three_birds_or_no_spread_is_undefined()
    {
        Assert.True(double.IsNaN(MantelCorrelation.FromPoints([(0, 0), (1, 0)], [(0, 0), (1, 0)])));
        Assert.True(double.IsNaN(MantelCorrelation.FromPoints([(0, 0), (0, 0), (0, 0)], [(0, 0), (1, 0), (2, 0)])));
    }
}
