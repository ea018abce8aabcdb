namespace Neaspec.Survey.Trends.Tests;

/// <summary>Cases whose answer has a closed form, worked out in the comments.</summary>
public class HandWorkedTests
{
    private const double Tight = 1e-4;

    // Model 3 on a complete table is the independence model: the Poisson estimates are μ_ij = f_i+ f_+j / f_++,
    // so γ_j = ln(f_+j / f_+1) and the model totals are the column sums, each an independent Poisson sum.
    //            2001 2002 2003 | f_i+
    //   s1         10   20   30 |  60
    //   s2         20   20   20 |  60
    //   f_+j       30   40   50 | 120      μ = [[15, 20, 25], [15, 20, 25]]
    private static readonly int?[][] Complete = [[10, 20, 30], [20, 20, 20]];

    [Fact]
    public void Model_3_on_a_complete_table_gives_the_column_sums_and_their_Poisson_errors()
    {
        var r = Tables.Fit(Tables.Of(Complete), TrendModel.TimeEffects);
        // γ_2 = ln(40/30) = 0.287682, SE = sqrt(1/40 + 1/30) = 0.241523; γ_3 = ln(50/30) = 0.510826,
        // SE = sqrt(1/50 + 1/30) = 0.230940 (ln of independent Poisson sums, delta method).
        Assert.Equal(0.287682, r.Parameters[0].Additive, Tight);
        Assert.Equal(0.241523, r.Parameters[0].AdditiveSe, Tight);
        Assert.Equal(0.510826, r.Parameters[1].Additive, Tight);
        Assert.Equal(0.230940, r.Parameters[1].AdditiveSe, Tight);
        // Model = imputed totals = 30, 40, 50 with SE sqrt(30) = 5.477226, sqrt(40) = 6.324555, sqrt(50) = 7.071068.
        double[] totals = [30, 40, 50];
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(totals[j], r.YearTotals[j].ModelTotal, Tight);
            Assert.Equal(totals[j], r.YearTotals[j].ImputedTotal, Tight);
            Assert.Equal(Math.Sqrt(totals[j]), r.YearTotals[j].ModelTotalSe, Tight);
            Assert.Equal(Math.Sqrt(totals[j]), r.YearTotals[j].ImputedTotalSe, Tight);
            Assert.Equal(2, r.YearTotals[j].ObservedSites);
        }
        // Index 2002 = 40/30 = 1.333333, SE = 1.333333 * sqrt(1/40 + 1/30) = 0.322031.
        Assert.Equal(1.333333, r.YearTotals[1].ModelIndex, Tight);
        Assert.Equal(0.322031, r.YearTotals[1].ModelIndexSe, Tight);
        Assert.Equal(0, r.YearTotals[0].ModelIndexSe);
        // χ² = 25/15 + 0 + 25/25 + 25/15 + 0 + 25/25 = 5.333333; df = 6 cells - 2 sites - 2 γ = 2.
        // LR = 2 [10 ln(10/15) + 30 ln(30/25) + 20 ln(20/15) + 20 ln(20/25)]
        //    = 2 [-4.054651 + 5.469647 + 5.753641 - 4.462871] = 5.411532; AIC = 5.411532 - 2 * 2 = 1.411532.
        Assert.Equal(5.333333, r.GoodnessOfFit.ChiSquare, Tight);
        Assert.Equal(5.411532, r.GoodnessOfFit.LikelihoodRatio, Tight);
        Assert.Equal(2, r.GoodnessOfFit.Df);
        Assert.Equal(1.411532, r.GoodnessOfFit.Aic, Tight);
        // P(χ²(2) >= 5.333333) = exp(-5.333333 / 2) = 0.069483.
        Assert.Equal(0.069483, r.GoodnessOfFit.ChiSquareP, Tight);
    }

    [Fact]
    public void Overdispersion_on_a_complete_table_is_chi_square_over_df_and_scales_every_error()
    {
        // With V = σ² diag(μ) the estimating equations are Poisson's, so the estimates do not move; σ² is
        // χ² / df = 5.333333 / 2 = 2.666667 and every SE grows by sqrt(2.666667) = 1.632993.
        var r = Tables.Fit(Tables.Of(Complete), TrendModel.TimeEffects, overdispersion: true);
        Assert.Equal(2.666667, r.Overdispersion!.Value, Tight);
        Assert.Null(r.SerialCorrelation);
        Assert.Equal(0.287682, r.Parameters[0].Additive, Tight);
        Assert.Equal(0.241523 * 1.632993, r.Parameters[0].AdditiveSe, Tight);
        Assert.Equal(Math.Sqrt(40) * 1.632993, r.YearTotals[1].ModelTotalSe, Tight);
        Assert.Equal(Math.Sqrt(40) * 1.632993, r.YearTotals[1].ImputedTotalSe, Tight);
    }

    [Fact]
    public void Overall_slope_of_a_complete_table_is_the_least_squares_slope_of_log_totals()
    {
        var r = Tables.Fit(Tables.Of(Complete), TrendModel.TimeEffects);
        // ln T = (ln 30, ln 40, ln 50) on j = 1, 2, 3: c = (-1, 0, 1)/2, b = (ln 50 - ln 30)/2 = 0.255413.
        // V(b) = (1/4)(V(T1)/30² + V(T3)/50²) = (1/4)(1/30 + 1/50) = 0.013333, SE = 0.115470.
        var slope = r.ImputedSlope!;
        Assert.Equal(0.255413, slope.Additive, Tight);
        Assert.Equal(0.115470, slope.AdditiveSe, Tight);
        Assert.Equal(1.290994, slope.Multiplicative, Tight);
        Assert.Equal(0.149071, slope.MultiplicativeSe, Tight);
        // Wald (0.255413/0.115470)² = 4.892735, p = 0.026971 ...
        Assert.Equal(4.892735, slope.Wald, 1e-3);
        Assert.Equal(0.026971, slope.P, 1e-4);
        // ... yet TRIM classes by the multiplicative interval 1.290994 ± 1.96 * 0.149071 = [0.998815, 1.583173]:
        // it holds 1 and reaches above 1.05, so "uncertain" (the docs say why the two can differ).
        Assert.Equal(TrendClass.Uncertain, slope.Class);
        Assert.Null(slope.Significance);
    }

    [Fact]
    public void Base_year_moves_the_index_reference()
    {
        // Base 2002: index 2001 = 30/40 = 0.75, SE = 0.75 sqrt(1/30 + 1/40) = 0.181142 (independent totals).
        var r = Tables.Fit(Tables.Of(Complete), TrendModel.TimeEffects, baseYear: 2002);
        Assert.Equal(2002, r.BaseYear);
        Assert.Equal(0.75, r.YearTotals[0].ImputedIndex, Tight);
        Assert.Equal(0.181142, r.YearTotals[0].ImputedIndexSe, Tight);
        Assert.Equal(1, r.YearTotals[1].ImputedIndex, Tight);
        Assert.Equal(0, r.YearTotals[1].ImputedIndexSe);
    }

    [Fact]
    public void Model_3_imputes_one_missing_cell_from_quasi_independence()
    {
        //            2001 2002 2003
        //   s1         10   20   30
        //   s2         30   30    -
        // Poisson estimates μ_ij = a_i g_j (g_1 = 1) over the counted cells solve the margins:
        //   (a1 + a2) g1 = 40, (a1 + a2) g2 = 50, a1 g3 = 30, a1 (g1 + g2 + g3) = 60, a2 (g1 + g2) = 60
        //   => a1 + a2 = 40, g2 = 1.25, a2 = 60 / 2.25 = 26.6667, a1 = 13.3333, g3 = 30 / 13.3333 = 2.25.
        // The missing count is imputed as a2 g3 = 60: imputed total 2003 = 30 + 60 = 90 = model total 40 * 2.25.
        var r = Tables.Fit(Tables.Of([10, 20, 30], [30, 30, null]), TrendModel.TimeEffects);
        Assert.Equal(60, r.SiteSeries[1].Fitted[2], Tight);
        Assert.Null(r.SiteSeries[1].Counts[2]);
        Assert.Equal(13.333333, r.SiteSeries[0].Fitted[0], Tight);
        Assert.Equal([40, 50, 90], r.YearTotals.Select(y => Math.Round(y.ModelTotal, 4)));
        Assert.Equal([40, 50, 90], r.YearTotals.Select(y => Math.Round(y.ImputedTotal, 4)));
        Assert.Equal([1, 1.25, 2.25], r.YearTotals.Select(y => Math.Round(y.ImputedIndex, 4)));
        Assert.Equal(Math.Log(2.25), r.Parameters[1].Additive, Tight);
        Assert.Equal(1, r.MissingCounts);
        Assert.Equal([2, 2, 1], r.YearTotals.Select(y => y.ObservedSites));
    }

    [Fact]
    public void Model_1_keeps_each_site_at_its_mean()
    {
        // ln μ_ij = α_i: α_1 = ln((10 + 20)/2) = ln 15, α_2 = ln 5. The missing 2002 count of s1 is imputed as 15.
        // Model totals 20 every year (index 1); imputed totals 10+5 = 15, 15+5 = 20, 20+5 = 25.
        var r = Tables.Fit(Tables.Of([10, null, 20], [5, 5, 5]), TrendModel.NoTimeEffects);
        Assert.Empty(r.Parameters);
        Assert.Equal(15, r.SiteSeries[0].Fitted[1], Tight);
        Assert.Equal([20, 20, 20], r.YearTotals.Select(y => Math.Round(y.ModelTotal, 4)));
        Assert.Equal([15, 20, 25], r.YearTotals.Select(y => Math.Round(y.ImputedTotal, 4)));
        Assert.Equal(0, r.ModelSlope!.Additive, Tight);
        // Counted cells keep their Poisson variance: V(imputed 2001) = V(10 + 5) = μ_11 + μ_21 = 15 + 5 under
        // the model, so SE = sqrt(20) = 4.472136; the Poisson part of the fitted sum is replaced by it.
        Assert.Equal(Math.Sqrt(20), r.YearTotals[0].ImputedTotalSe, Tight);
        // df = 5 counts - 2 sites - 0 = 3; χ² = (10-15)²/15 + (20-15)²/15 + 0 = 3.333333.
        Assert.Equal(3, r.GoodnessOfFit.Df);
        Assert.Equal(3.333333, r.GoodnessOfFit.ChiSquare, Tight);
    }

    [Fact]
    public void Model_2_recovers_an_exact_doubling()
    {
        // Counts that double every year fit ln μ = α_i + β (j - 1) exactly with β = ln 2 = 0.693147; the fit is
        // perfect (LR = 0), which the step-halving must accept rather than halve forever.
        var r = Tables.Fit(Tables.Of([10, 20, 40], [5, 10, 20]), TrendModel.LinearTrend);
        var slope = Assert.Single(r.Parameters);
        Assert.Equal(Math.Log(2), slope.Additive, Tight);
        Assert.Equal(0, r.GoodnessOfFit.LikelihoodRatio, Tight);
        Assert.Equal([15, 30, 60], r.YearTotals.Select(y => Math.Round(y.ModelTotal, 4)));
        Assert.Equal(Math.Log(2), r.ModelSlope!.Additive, Tight);
        Assert.Equal("slope", Assert.Single(r.WaldTests).Test);
    }

    [Fact]
    public void Model_2_changepoints_are_years_after_which_the_slope_changes()
    {
        // Doubling 2001-2003, flat 2003-2004: changepoint 2003 gives slopes ln 2 (2001-2003) and 0 (2003-2004).
        var r = Tables.Fit(Tables.Of([10, 20, 40, 40], [5, 10, 20, 20]), TrendModel.LinearTrend, changepoints: [2003]);
        Assert.Equal(2, r.Parameters.Count);
        Assert.Equal((2001, 2003), (r.Parameters[0].FromYear, r.Parameters[0].ToYear));
        Assert.Equal((2003, 2004), (r.Parameters[1].FromYear, r.Parameters[1].ToYear));
        Assert.Equal(Math.Log(2), r.Parameters[0].Additive, Tight);
        Assert.Equal(0, r.Parameters[1].Additive, Tight);
        Assert.Equal(["change in slope at 2001", "change in slope at 2003"], r.WaldTests.Select(w => w.Test));
    }

    [Fact]
    public void Sites_without_a_positive_count_are_removed_and_named()
    {
        // s3 counted only zeros and s4 was never counted: TRIM removes both; the fit is that of s1 and s2.
        var input = Tables.Of(Complete[0], Complete[1], [0, 0, null], [null, null, null]);
        var r = Tables.Fit(input, TrendModel.TimeEffects);
        Assert.Equal(["s3", "s4"], r.RemovedSites);
        Assert.Equal(["s1", "s2"], r.Sites);
        Assert.Equal([30, 40, 50], r.YearTotals.Select(y => Math.Round(y.ImputedTotal, 4)));
        Assert.Equal(0, r.ZeroCounts);
    }
}
