using Neaspec.Survey.Connectivity.Sensitivity;

namespace Neaspec.Survey.Connectivity.Tests.Sensitivity;

public sealed class KendallTauTests
{
    [Fact]
    public void Reproduces_the_example_of_scipys_kendalltau_documentation()
    {
        // scipy.stats.kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) = -0.47140452079103173 (its documented example).
        // By hand, pairs (i, j): (0,1) D, (0,2) D, (0,3) tied in both (neither), (0,4) C, (1,2) D, (1,3) D,
        // (1,4) tied in x only, (2,3) D, (2,4) D, (3,4) C: P = 2, Q = 6, T = 1, U = 0 -> -4 / sqrt(9 * 8) = -0.4714.
        var tau = KendallTau.TauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]);

        Assert.Equal(-0.47140452079103173, tau, 15);
        Assert.Equal(-4 / Math.Sqrt(72), tau, 15);
    }

    [Fact]
    public void Same_order_is_1_reversed_is_minus_1_and_one_swap_of_four_is_two_thirds()
    {
        Assert.Equal(1, KendallTau.TauB([1, 2, 3, 4], [10, 20, 30, 40]), 15);
        Assert.Equal(-1, KendallTau.TauB([1, 2, 3, 4], [40, 30, 20, 10]), 15);
        // Swap the last two: of 6 pairs 5 concordant, 1 discordant: (5 - 1) / 6.
        Assert.Equal(4.0 / 6, KendallTau.TauB([1, 2, 3, 4], [1, 2, 4, 3]), 15);
    }

    [Fact]
    public void Undefined_without_two_values_or_with_all_tied()
    {
        Assert.True(double.IsNaN(KendallTau.TauB([1], [1])));
        Assert.True(double.IsNaN(KendallTau.TauB([0, 0, 0], [1, 2, 3])));
        Assert.Throws<ArgumentException>(() => KendallTau.TauB([1, 2], [1]));
    }
}
