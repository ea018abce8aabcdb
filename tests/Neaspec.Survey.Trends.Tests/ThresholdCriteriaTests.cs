using Neaspec.Survey.Trends.Thresholds;

namespace Neaspec.Survey.Trends.Tests;

/// <summary>The 1 % and 0.25 % flags and Ramsar's "regularly", on seasons worked out by hand.</summary>
public class ThresholdCriteriaTests
{
    // The spoonbill's 2025 census: 7,081 birds, 1 % threshold 71 (70.81 rounded), 0.25 % = 7,081 x 0.0025 = 17.7025,
    // so a count of 18 meets it and 17 does not.
    private static readonly PopulationThreshold Spoonbill = new("global", 7081, 71, "census 2025", 2025);

    [Theory]
    // Two thirds of the seasons with adequate data, at least three of them; compared as 3 met >= 2 adequate.
    [InlineData(2, 3, Regularity.Regularly)]      // 6 >= 6
    [InlineData(3, 3, Regularity.Regularly)]      // 9 >= 6
    [InlineData(1, 3, Regularity.NotRegularly)]   // 3 <  6
    [InlineData(2, 4, Regularity.NotRegularly)]   // 6 <  8: half is not two thirds
    [InlineData(3, 4, Regularity.Regularly)]      // 9 >= 8
    [InlineData(3, 5, Regularity.NotRegularly)]   // 9 < 10: 60 %
    [InlineData(4, 6, Regularity.Regularly)]      // 12 >= 12: exactly two thirds
    [InlineData(6, 10, Regularity.NotRegularly)]  // 18 < 20: 60 %
    [InlineData(7, 10, Regularity.Regularly)]     // 21 >= 20
    [InlineData(2, 2, Regularity.TooFewSeasons)]  // met every time, but only two seasons: Ramsar asks for three
    [InlineData(0, 0, Regularity.TooFewSeasons)]
    public void Regularly_is_two_thirds_of_at_least_three_seasons(int met, int adequate, Regularity expected) =>
        Assert.Equal(expected, ThresholdCriteria.Regularly(met, adequate));

    [Fact]
    public void A_staging_site_is_flagged_per_season_and_judged_on_the_seasons_with_data_only()
    {
        // 2019: 80  -> >= 71 and >= 17.7
        // 2020: --  -> no adequate data (no survey or only "not counted"): neither flag, not a season of the test
        // 2021: 70  -> below 71, >= 17.7
        // 2022: 71  -> exactly the threshold: >= 71
        // 2023: 0   -> counted, none there: a season with data, no flag
        // 2024: 17  -> below 17.7025
        // Adequate seasons: 2019, 2021, 2022, 2023, 2024 = 5.
        // 1 %: 2019, 2022 = 2 seasons; 3 x 2 = 6 < 2 x 5 = 10 -> not regularly.
        // 0.25 %: 2019, 2021, 2022 = 3 seasons; 9 < 10 -> not regularly (60 %).
        // Mean peak: (80 + 70 + 71 + 0 + 17) / 5 = 238 / 5 = 47.6.
        var flags = ThresholdCriteria.Evaluate("TW-TNN",
            [new(2024, 17), new(2019, 80), new(2020, null), new(2021, 70), new(2022, 71), new(2023, 0)], Spoonbill, staging: true);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024], flags.Seasons.Select(s => s.Year));
        Assert.Equal([true, false, false, true, false, false], flags.Seasons.Select(s => s.OnePercent));
        Assert.Equal([true, false, true, true, false, false], flags.Seasons.Select(s => s.QuarterPercent));
        Assert.Equal(5, flags.AdequateSeasons);
        Assert.Equal(2, flags.OnePercentSeasons);
        Assert.Equal(3, flags.QuarterPercentSeasons);
        Assert.Equal(Regularity.NotRegularly, flags.OnePercent);
        Assert.Equal(Regularity.NotRegularly, flags.QuarterPercent);
        Assert.Equal(47.6, flags.MeanPeak!.Value, 1e-12);
        Assert.Equal(18, Spoonbill.QuarterPercentCount);
    }

    [Fact]
    public void A_missing_season_is_not_a_failed_season()
    {
        // 80, --, 75, --, 90: three seasons with data, all >= 71 -> regularly (9 >= 6). Had the two missing seasons
        // been read as 0 the site would have met 1 % in 3 of 5 (9 < 10) and lost its flag.
        var flags = ThresholdCriteria.Evaluate("KR-GHW", [new(2021, 80), new(2022, null), new(2023, 75), new(2024, null), new(2025, 90)],
            Spoonbill, staging: false);
        Assert.Equal(3, flags.AdequateSeasons);
        Assert.Equal(3, flags.OnePercentSeasons);
        Assert.Equal(Regularity.Regularly, flags.OnePercent);
    }

    [Fact]
    public void Outside_a_staging_season_the_quarter_percent_criterion_is_not_applied()
    {
        // 20 birds is >= 17.7 but the window is a wintering season: no 0.25 % flag and no verdict on it.
        var flags = ThresholdCriteria.Evaluate("HK-MPO", [new(2023, 20), new(2024, 20), new(2025, 20)], Spoonbill, staging: false);
        Assert.All(flags.Seasons, s => Assert.False(s.QuarterPercent));
        Assert.Null(flags.QuarterPercent);
        Assert.Equal(0, flags.QuarterPercentSeasons);
        Assert.Equal(Regularity.NotRegularly, flags.OnePercent);
        Assert.Equal(20, flags.MeanPeak);
    }

    [Fact]
    public void A_site_never_counted_has_no_mean_and_too_few_seasons()
    {
        var flags = ThresholdCriteria.Evaluate("CN-XXX", [new(2024, null), new(2025, null)], Spoonbill, staging: true);
        Assert.Equal(0, flags.AdequateSeasons);
        Assert.Null(flags.MeanPeak);
        Assert.Equal(Regularity.TooFewSeasons, flags.OnePercent);
        Assert.Equal(Regularity.TooFewSeasons, flags.QuarterPercent);
    }
}
