namespace Neaspec.Survey.Trends;

/// <summary>The totals and indices of one covariate category (e.g. one country): the same sums as the
/// pooled totals, over the site-years in that category only, with standard errors from the same fit.
/// The pooled totals are the sums of the strata's.</summary>
/// <param name="Covariate">The covariate's name.</param>
/// <param name="Category">The category.</param>
/// <param name="Sites">Sites with at least one year in this category.</param>
/// <param name="Years">Per year, as <see cref="TrendResult.Years"/>.</param>
/// <param name="ImputedSlope">Overall slope of the category's imputed totals (null when a total is 0).</param>
public sealed record StratumTrend(string Covariate, string Category, int Sites, IReadOnlyList<YearTotals> Years, OverallSlope? ImputedSlope);
