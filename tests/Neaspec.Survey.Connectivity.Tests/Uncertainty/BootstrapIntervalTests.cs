using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Connectivity.Tests.Uncertainty;

public sealed class BootstrapIntervalTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Type_8_quantiles_worked_by_hand()
    {
        // n = 10. p = 0.5: h = 5 + 0.5 = 5.5 -> x5 + 0.5 (x6 - x5) = 5.5.
        // p = 0.9: h = 9 + 1.9/3 = 9.6333 -> 9 + 0.6333 = 9.6333.
        // p = 0.025: h = 0.25 + 0.341667 = 0.591667 -> j = 0, below the sample: x1 = 1.
        // p = 0.975: h = 9.75 + 0.658333 = 10.408 -> j = 10, x10 = 10.
        // p = 0.25: h = 2.5 + 0.416667 = 2.916667 -> 2 + 0.916667 = 2.916667.
        Assert.Equal(5.5, BootstrapInterval.Quantile(OneToTen, 0.5), 12);
        Assert.Equal(9 + (1.9 / 3), BootstrapInterval.Quantile(OneToTen, 0.9), 12);
        Assert.Equal(1, BootstrapInterval.Quantile(OneToTen, 0.025), 12);
        Assert.Equal(10, BootstrapInterval.Quantile(OneToTen, 0.975), 12);
        Assert.Equal(2 + (2.75 / 3), BootstrapInterval.Quantile(OneToTen, 0.25), 12);
    }

    [Fact]
    public void Percentile_interval_of_1_to_100()
    {
        // p = 0.025, n = 100: h = 2.5 + 0.341667 = 2.841667 -> 2.841667; p = 0.975: h = 97.5 + 0.658333 =
        // 98.158333 -> 98.158333. Mean 50.5, median 50.5, SD sqrt(100 * 101 / 12) = 29.011492.
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        var interval = BootstrapInterval.Percentile(values, 0.95);

        Assert.Equal(2.5 + (1.025 / 3), interval.Low, 9);
        Assert.Equal(97.5 + (1.975 / 3), interval.High, 9);
        Assert.Equal(50.5, interval.Mean, 12);
        Assert.Equal(50.5, interval.Median, 12);
        Assert.Equal(Math.Sqrt(100 * 101 / 12.0), interval.StandardError, 9);
        Assert.Equal(100, interval.Defined);
    }

    [Fact]
    public void Undefined_replicates_are_left_out_and_counted()
    {
        var interval = BootstrapInterval.Percentile([double.NaN, 1, 2, double.NaN, 3], 0.5);

        Assert.Equal(3, interval.Defined);
        Assert.Equal(2, interval.Undefined);
        Assert.Equal(2, interval.Median, 12);
        Assert.True(double.IsNaN(BootstrapInterval.Percentile([double.NaN], 0.95).Low));
    }
}
