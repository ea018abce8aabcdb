using Neaspec.Survey.Trends.Internals;

namespace Neaspec.Survey.Trends.Tests;

/// <summary>TRIM's trend classes from the 95 % interval m ± 1.96 s of the multiplicative slope (and the 99 %
/// interval m ± 2.576 s for "p&lt;0.01"); the limits are worked out per case.</summary>
public class ClassificationTests
{
    [Theory]
    // 1.08 ± 0.0196 = [1.0604, 1.0996]: lower > 1.05. At 99 %: 1.08 - 0.02576 = 1.0542 > 1.05 too.
    [InlineData(1.08, 0.01, TrendClass.StrongIncrease, "p<0.01")]
    // 1.07 ± 0.0196 = [1.0504, ...] strong; at 99 %: 1.0442 < 1.05, only moderate there.
    [InlineData(1.07, 0.01, TrendClass.StrongIncrease, "p<0.05")]
    // 1.03 ± 0.0196 = [1.0104, 1.0496]: 1 < lower <= 1.05. At 99 %: 1.0042 > 1.
    [InlineData(1.03, 0.01, TrendClass.ModerateIncrease, "p<0.01")]
    // 1.025 ± 0.02352 = [1.0015, ...]; at 99 %: 1.025 - 0.030912 = 0.9941 holds 1.
    [InlineData(1.025, 0.012, TrendClass.ModerateIncrease, "p<0.05")]
    // 1.00 ± 0.0196 = [0.9804, 1.0196]: holds 1, within [0.95, 1.05].
    [InlineData(1.00, 0.01, TrendClass.Stable, null)]
    // 1.00 ± 0.098 = [0.902, 1.098]: holds 1, reaches past 0.95 and 1.05.
    [InlineData(1.00, 0.05, TrendClass.Uncertain, null)]
    // 0.97 ± 0.0196 = [0.9504, 0.9896]: 0.95 <= upper < 1.
    [InlineData(0.97, 0.01, TrendClass.ModerateDecline, "p<0.01")]
    // 0.90 ± 0.0196 = [0.8804, 0.9196]: upper < 0.95.
    [InlineData(0.90, 0.01, TrendClass.SteepDecline, "p<0.01")]
    public void Classes_follow_the_interval_of_the_multiplicative_slope(double slope, double se, TrendClass expected, string? significance)
    {
        Assert.Equal((expected, significance), Slope.Classify(slope, se));
    }

    [Fact]
    public void Classes_read_as_the_manual_writes_them()
    {
        Assert.Equal(["strong increase", "moderate increase", "stable", "uncertain", "moderate decline", "steep decline"],
            Enum.GetValues<TrendClass>().Select(c => c.ToText()));
    }
}
