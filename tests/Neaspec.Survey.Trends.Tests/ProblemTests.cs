namespace Neaspec.Survey.Trends.Tests;

/// <summary>Counts that cannot support the model asked for get a reason, never an exception or a
/// meaningless number.</summary>
public class ProblemTests
{
    private static IReadOnlyList<string> Problems(TrendInput input, TrendOptions options)
    {
        var outcome = TrendAnalysis.Run(input, options);
        Assert.Null(outcome.Result);
        Assert.NotEmpty(outcome.Problems);
        return outcome.Problems;
    }

    [Fact]
    public void Model_3_needs_a_positive_count_in_every_year()
    {
        var problems = Problems(Tables.Of([10, null, 30], [20, 0, 20]), new TrendOptions { Model = TrendModel.TimeEffects });
        Assert.Contains(problems, p => p.StartsWith("2002 has no positive count", StringComparison.Ordinal));
        // Model 2 has no per-year parameter and fits the same counts.
        Assert.True(TrendAnalysis.Run(Tables.Of([10, null, 30], [20, 0, 20]), new TrendOptions { Model = TrendModel.LinearTrend }).Succeeded);
    }

    [Fact]
    public void Changepoints_belong_to_model_2_and_inside_the_years()
    {
        var input = Tables.Of([10, 20, 30, 40], [20, 20, 20, 20]);
        Assert.Contains(Problems(input, new TrendOptions { Model = TrendModel.TimeEffects, Changepoints = [2002] }),
            p => p.StartsWith("changepoints belong to model 2", StringComparison.Ordinal));
        Assert.Contains(Problems(input, new TrendOptions { Model = TrendModel.LinearTrend, Changepoints = [2004] }),
            p => p.StartsWith("changepoint 2004 must lie in 2001-2003", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_year_given_twice_is_refused()
    {
        var input = new TrendInput { Counts = [new("a", 2001, 1), new("a", 2002, 2), new("a", 2002, 3)] };
        Assert.Contains("site a has two counts for 2002", Problems(input, new TrendOptions { Model = TrendModel.LinearTrend }));
    }

    [Fact]
    public void Base_year_outside_the_series_is_refused()
    {
        Assert.Contains(Problems(Tables.Of([10, 20, 30], [20, 20, 20]), new TrendOptions { Model = TrendModel.TimeEffects, BaseYear = 1999 }),
            p => p.StartsWith("the base year 1999 is outside the years 2001-2003", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_counts_for_the_parameters_are_refused()
    {
        // 3 positive counts for 2 site parameters and 2 time effects.
        Assert.Contains(Problems(Tables.Of([10, null, 30], [null, 5, null]), new TrendOptions { Model = TrendModel.TimeEffects }),
            p => p.StartsWith("too few positive counts (3)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_slope_segment_no_count_informs_is_reported_not_returned()
    {
        // Nobody was counted in 2002 and 2003, so slopes before and after the changepoint 2002 are not separable.
        var problems = Problems(Tables.Of([10, null, null, 40], [20, null, null, 20]),
            new TrendOptions { Model = TrendModel.LinearTrend, Changepoints = [2002] });
        Assert.Contains(problems, p => p.StartsWith("the counts do not identify the model's time parameters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_covariate_with_one_category_is_refused()
    {
        var input = new TrendInput
        {
            Counts = [new("a", 2001, 1, ["KR"]), new("a", 2002, 2, ["KR"])],
            CovariateNames = ["country"],
        };
        Assert.Contains(Problems(input, new TrendOptions { Model = TrendModel.LinearTrend }),
            p => p.StartsWith("covariate country has one category only (KR)", StringComparison.Ordinal));
    }
}
