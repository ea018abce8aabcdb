namespace Neaspec.Survey.Trends.Tests;

/// <summary>
/// TRIM's own published example reproduced: the skylark data (TestData/skylark.md) against TRIM 3.61's output
/// files shipped with rtrim (pkg/tests/testthat/outfiles). TRIM prints totals rounded to whole birds, indices
/// and slopes to 4 decimals; the tolerances are: totals within 1 bird, indices within 0.002, overall
/// slope and its SE within 0.0005.
/// </summary>
public class SkylarkReferenceTests
{
    private const double Birds = 1;
    private const double Index = 0.002;
    private const double SlopeTolerance = 0.0005;

    private static TrendResult Fit(TrendModel model, bool habitat = false, int[]? changepoints = null, bool serialCorrelation = true)
    {
        var outcome = TrendAnalysis.Run(Skylark.Input(habitat), new TrendOptions
        {
            Model = model,
            Overdispersion = true,
            SerialCorrelation = serialCorrelation,
            Changepoints = changepoints ?? [],
        });
        Assert.Empty(outcome.Problems);
        Assert.True(outcome.Result!.Converged);
        return outcome.Result;
    }

    [Fact]
    public void Model_3_with_overdispersion_and_serial_correlation_matches_TRIM_skylark_1c()
    {
        var r = Fit(TrendModel.TimeEffects);
        // skylark-1c.out: "Estimated Overdispersion = 1.367, Estimated Serial Correlation = 0.302";
        // GOODNESS OF FIT: Chi-square 191.40, df 140; Likelihood Ratio 194.80; AIC -85.20.
        AssertFit(r, 1.367, 0.302, 191.40, 194.80, 140, -85.20);
        // WALD-TEST FOR SIGNIFICANCE OF DEVIATIONS FROM LINEAR TREND: 16.22, df 6, p 0.0126.
        var wald = Assert.Single(r.WaldTests);
        Assert.Equal(16.22, wald.W, 0.01);
        Assert.Equal(6, wald.Df);
        Assert.Equal(0.0126, wald.P, 0.00005);
        // PARAMETER ESTIMATES, time 2..8: additive and std.err.
        double[] gamma = [-0.3202, -0.1687, -0.1897, -0.0824, 0.0208, 0.0997, 0.1558];
        double[] gammaSe = [0.1055, 0.1054, 0.1083, 0.1070, 0.1059, 0.1082, 0.1108];
        for (var k = 0; k < gamma.Length; k++)
        {
            Assert.Equal(gamma[k], r.Parameters[k].Additive, 0.00005);
            Assert.Equal(gammaSe[k], r.Parameters[k].AdditiveSe, 0.00005);
        }
        AssertYears(r,
            // TIME TOTALS: model, std.err., imputed, std.err.
            [(509, 45, 509, 45), (370, 35, 366, 35), (430, 29, 430, 29), (421, 28, 423, 28),
             (469, 31, 469, 31), (520, 32, 521, 32), (563, 37, 564, 37), (595, 42, 601, 42)],
            // Time INDICES: model, std.err., imputed, std.err.
            [(1, 0, 1, 0), (0.7260, 0.0766, 0.7201, 0.0766), (0.8448, 0.0891, 0.8454, 0.0893), (0.8272, 0.0896, 0.8314, 0.0901),
             (0.9209, 0.0986, 0.9221, 0.0989), (1.0210, 0.1081, 1.0251, 0.1086), (1.1048, 0.1196, 1.1082, 0.1201),
             (1.1686, 0.1295, 1.1828, 0.1308)]);
        // OVERALL SLOPE MODEL 0.0460 (0.0142) 1.0471 (0.0149); IMPUTED 0.0478 (0.0142) 1.0489 (0.0149);
        // both "Moderate increase (p<0.01) **".
        AssertSlope(r.ModelSlope!, 0.0460, 0.0142, 1.0471, 0.0149);
        AssertSlope(r.ImputedSlope!, 0.0478, 0.0142, 1.0489, 0.0149);
        Assert.Equal(TrendClass.ModerateIncrease, r.ImputedSlope!.Class);
        Assert.Equal("p<0.01", r.ImputedSlope.Significance);
        Assert.Equal(TrendClass.ModerateIncrease, r.ModelSlope!.Class);
    }

    [Fact]
    public void Model_3_with_overdispersion_only_matches_TRIM_skylark_1b()
    {
        var r = Fit(TrendModel.TimeEffects, serialCorrelation: false);
        // skylark-1b.out: "Estimated Overdispersion = 1.344" (no serial correlation line); Chi-square 188.14,
        // df 140; Likelihood Ratio 184.98; AIC -95.02; deviations from linear trend 15.10, df 6.
        Assert.Null(r.SerialCorrelation);
        Assert.Equal(1.344, r.Overdispersion!.Value, 0.0005);
        Assert.Equal(188.14, r.GoodnessOfFit.ChiSquare, 0.005);
        Assert.Equal(184.98, r.GoodnessOfFit.LikelihoodRatio, 0.005);
        Assert.Equal(-95.02, r.GoodnessOfFit.Aic, 0.005);
        Assert.Equal(15.10, Assert.Single(r.WaldTests).W, 0.005);
        // Without serial correlation the estimating equations are Poisson's, so each year's fitted total over the
        // counted sites equals its counts and the imputed totals equal the model totals, as TRIM prints them.
        AssertYears(r,
            [(511, 45, 511, 45), (362, 35, 362, 35), (429, 30, 429, 30), (423, 28, 423, 28),
             (469, 31, 469, 31), (522, 32, 522, 32), (562, 37, 562, 37), (606, 42, 606, 42)],
            [(1, 0, 1, 0), (0.7096, 0.0894, 0.7096, 0.0894), (0.8410, 0.0904, 0.8410, 0.0904), (0.8290, 0.0896, 0.8290, 0.0896),
             (0.9182, 0.0974, 0.9182, 0.0974), (1.0216, 0.1069, 1.0216, 0.1069), (1.1000, 0.1178, 1.1000, 0.1178),
             (1.1867, 0.1293, 1.1867, 0.1293)]);
        AssertSlope(r.ModelSlope!, 0.0485, 0.0124, 1.0497, 0.0130);
        AssertSlope(r.ImputedSlope!, 0.0485, 0.0124, 1.0497, 0.0130);
    }

    [Fact]
    public void Model_2_with_overdispersion_and_serial_correlation_matches_TRIM_skylark_1d()
    {
        var r = Fit(TrendModel.LinearTrend);
        // skylark-1d.out: overdispersion 1.439, serial correlation 0.281; Chi-square 210.09, df 146;
        // Likelihood Ratio 175.28; AIC -116.72.
        AssertFit(r, 1.439, 0.281, 210.09, 175.28, 146, -116.72);
        // WALD-TEST FOR SIGNIFICANCE OF SLOPE PARAMETER: 11.69, df 1, p 0.0006.
        var wald = Assert.Single(r.WaldTests);
        Assert.Equal("slope", wald.Test);
        Assert.Equal(11.69, wald.W, 0.005);
        Assert.Equal(0.0006, wald.P, 0.00005);
        // Slope 0.0484 (0.0142), multiplicative 1.0496 (0.0149).
        var slope = Assert.Single(r.Parameters);
        Assert.Equal(0.0484, slope.Additive, 0.00005);
        Assert.Equal(0.0142, slope.AdditiveSe, 0.00005);
        AssertYears(r,
            [(404, 26, 443, 28), (424, 23, 396, 26), (445, 19, 433, 26), (468, 17, 434, 26),
             (491, 17, 474, 26), (515, 20, 519, 28), (541, 25, 555, 30), (567, 32, 586, 35)],
            [(1, 0, 1, 0), (1.0496, 0.0149, 0.8948, 0.0410), (1.1017, 0.0312, 0.9777, 0.0601), (1.1563, 0.0491, 0.9790, 0.0678),
             (1.2137, 0.0687, 1.0698, 0.0800), (1.2738, 0.0902, 1.1727, 0.0945), (1.3370, 0.1136, 1.2527, 0.1094),
             (1.4033, 0.1391, 1.3226, 0.1283)]);
        // OVERALL SLOPE MODEL 0.0484 (0.0142) 1.0496 (0.0149); IMPUTED 0.0509 (0.0139) 1.0522 (0.0146).
        AssertSlope(r.ModelSlope!, 0.0484, 0.0142, 1.0496, 0.0149);
        AssertSlope(r.ImputedSlope!, 0.0509, 0.0139, 1.0522, 0.0146);
        Assert.Equal(TrendClass.ModerateIncrease, r.ImputedSlope!.Class);
    }

    [Fact]
    public void Model_2_with_changepoints_matches_TRIM_skylark_1f()
    {
        // skylark-1f.tcf: changepoints 1 2 (time points; the first is implicit in our API).
        var r = Fit(TrendModel.LinearTrend, changepoints: [2]);
        // skylark-1f.out: overdispersion 1.334, serial correlation 0.305; Chi-square 193.36, df 145;
        // Likelihood Ratio 191.81; AIC -98.19.
        AssertFit(r, 1.334, 0.305, 193.36, 191.81, 145, -98.19);
        // WALD-TEST FOR SIGNIFICANCE OF CHANGES IN SLOPE: changepoint 1: 11.08, 2: 14.90 (df 1 each).
        Assert.Equal(["change in slope at 1", "change in slope at 2"], r.WaldTests.Select(w => w.Test));
        Assert.Equal(11.08, r.WaldTests[0].W, 0.005);
        Assert.Equal(14.90, r.WaldTests[1].W, 0.005);
        // Slope for time intervals 1-2: -0.3029 (0.0910); 2-8: 0.0757 (0.0157).
        Assert.Equal((1, 2, -0.3029, 0.0910), (r.Parameters[0].FromYear, r.Parameters[0].ToYear, Math.Round(r.Parameters[0].Additive, 4), Math.Round(r.Parameters[0].AdditiveSe, 4)));
        Assert.Equal((2, 8, 0.0757, 0.0157), (r.Parameters[1].FromYear, r.Parameters[1].ToYear, Math.Round(r.Parameters[1].Additive, 4), Math.Round(r.Parameters[1].AdditiveSe, 4)));
        AssertYears(r,
            [(513, 43, 511, 43), (379, 23, 372, 25), (409, 20, 424, 24), (441, 18, 427, 24),
             (476, 17, 470, 25), (513, 19, 519, 27), (553, 25, 559, 30), (597, 34, 602, 36)],
            [(1, 0, 1, 0), (0.7387, 0.0672, 0.7276, 0.0686), (0.7968, 0.0687, 0.8295, 0.0774), (0.8595, 0.0723, 0.8353, 0.0794),
             (0.9272, 0.0787, 0.9193, 0.0875), (1.0001, 0.0885, 1.0150, 0.0977), (1.0788, 0.1020, 1.0945, 0.1084),
             (1.1637, 0.1195, 1.1776, 0.1230)]);
        AssertSlope(r.ModelSlope!, 0.0442, 0.0134, 1.0452, 0.0140);
        AssertSlope(r.ImputedSlope!, 0.0463, 0.0135, 1.0474, 0.0141);
    }

    [Fact]
    public void Model_3_with_the_habitat_covariate_matches_TRIM_skylark_2b()
    {
        var r = Fit(TrendModel.TimeEffects, habitat: true);
        // skylark-2b.out: overdispersion 1.162, serial correlation 0.227; Chi-square 154.50, df 133; LR 159.64;
        // AIC -106.36; WALD-TEST FOR SIGNIFICANCE OF COVARIATES: HABITAT 21.55, df 7, p 0.0030.
        AssertFit(r, 1.162, 0.227, 154.50, 159.64, 133, -106.36);
        var wald = Assert.Single(r.WaldTests);
        Assert.Equal(("covariate habitat", 7), (wald.Test, wald.Df));
        Assert.Equal(21.55, wald.W, 0.005);
        Assert.Equal(0.0030, wald.P, 0.00005);
        // Covariate 1, category 2, time 8: 1.0308 (0.2883); constant, time 8: -0.7215 (0.2652).
        var category2 = r.Parameters.Single(p => p.Category == "2" && p.ToYear == 8);
        Assert.Equal(1.0308, category2.Additive, 0.00005);
        Assert.Equal(0.2883, category2.AdditiveSe, 0.00005);
        var constant = r.Parameters.Single(p => p.Category is null && p.ToYear == 8);
        Assert.Equal(-0.7215, constant.Additive, 0.00005);
        AssertYears(r,
            [(526, 44, 526, 44), (383, 36, 380, 36), (443, 30, 443, 30), (427, 28, 428, 28),
             (461, 29, 461, 29), (514, 29, 515, 29), (548, 34, 548, 34), (585, 38, 590, 38)],
            [(1, 0, 1, 0), (0.7281, 0.0751, 0.7234, 0.0751), (0.8411, 0.0846, 0.8422, 0.0848), (0.8119, 0.0835, 0.8145, 0.0838),
             (0.8757, 0.0886, 0.8765, 0.0888), (0.9771, 0.0987, 0.9792, 0.0990), (1.0420, 0.1068, 1.0433, 0.1071),
             (1.1106, 0.1155, 1.1219, 0.1164)]);
        AssertSlope(r.ModelSlope!, 0.0363, 0.0134, 1.0370, 0.0139);
        AssertSlope(r.ImputedSlope!, 0.0376, 0.0134, 1.0384, 0.0140);
    }

    [Fact]
    public void Model_2_with_a_changepoint_at_every_year_is_model_3()
    {
        // One slope per year between consecutive years spans the same log-linear space as one effect per year
        // (γ_j = Σ_k<j β_k), so the fits and everything derived from them coincide (rtrim's skylark-1e is this).
        var model3 = Fit(TrendModel.TimeEffects);
        var model2 = Fit(TrendModel.LinearTrend, changepoints: [1, 2, 3, 4, 5, 6, 7]);
        Assert.Equal(model3.GoodnessOfFit.Df, model2.GoodnessOfFit.Df);
        Assert.Equal(model3.Overdispersion!.Value, model2.Overdispersion!.Value, 1e-4);
        for (var j = 0; j < 8; j++)
        {
            Assert.Equal(model3.YearTotals[j].ImputedTotal, model2.YearTotals[j].ImputedTotal, 1e-2);
            Assert.Equal(model3.YearTotals[j].ImputedIndexSe, model2.YearTotals[j].ImputedIndexSe, 1e-4);
        }
    }

    [Fact]
    public void Habitat_strata_add_up_to_the_pooled_totals()
    {
        var r = Fit(TrendModel.TimeEffects, habitat: true);
        Assert.Equal(["1", "2"], r.Strata.Select(s => s.Category));
        Assert.Equal(55, r.Strata.Sum(s => s.Sites));
        for (var j = 0; j < r.Years.Count; j++)
        {
            Assert.Equal(r.YearTotals[j].ModelTotal, r.Strata.Sum(s => s.Years[j].ModelTotal), 1e-6);
            Assert.Equal(r.YearTotals[j].ImputedTotal, r.Strata.Sum(s => s.Years[j].ImputedTotal), 1e-6);
            Assert.Equal(r.YearTotals[j].ObservedSites, r.Strata.Sum(s => s.Years[j].ObservedSites));
        }
    }

    /// <summary>σ² and ρ to TRIM's 3 decimals; χ², LR and AIC to its 2.</summary>
    private static void AssertFit(TrendResult r, double sigma2, double rho, double chiSquare, double likelihoodRatio, int df, double aic)
    {
        Assert.Equal(sigma2, r.Overdispersion!.Value, 0.0005);
        Assert.Equal(rho, r.SerialCorrelation!.Value, 0.0005);
        Assert.Equal(chiSquare, r.GoodnessOfFit.ChiSquare, 0.005);
        Assert.Equal(likelihoodRatio, r.GoodnessOfFit.LikelihoodRatio, 0.005);
        Assert.Equal(df, r.GoodnessOfFit.Df);
        Assert.Equal(aic, r.GoodnessOfFit.Aic, 0.005);
    }

    private static void AssertYears(TrendResult r, (double Model, double ModelSe, double Imputed, double ImputedSe)[] totals,
        (double Model, double ModelSe, double Imputed, double ImputedSe)[] indices)
    {
        Assert.Equal(totals.Length, r.YearTotals.Count);
        for (var j = 0; j < totals.Length; j++)
        {
            var y = r.YearTotals[j];
            var year = $"time {j + 1}";
            Assert.True(Math.Abs(y.ModelTotal - totals[j].Model) <= Birds, $"{year} model total {y.ModelTotal} vs TRIM {totals[j].Model}");
            Assert.True(Math.Abs(y.ModelTotalSe - totals[j].ModelSe) <= Birds, $"{year} model SE {y.ModelTotalSe} vs TRIM {totals[j].ModelSe}");
            Assert.True(Math.Abs(y.ImputedTotal - totals[j].Imputed) <= Birds, $"{year} imputed total {y.ImputedTotal} vs TRIM {totals[j].Imputed}");
            Assert.True(Math.Abs(y.ImputedTotalSe - totals[j].ImputedSe) <= Birds, $"{year} imputed SE {y.ImputedTotalSe} vs TRIM {totals[j].ImputedSe}");
            Assert.True(Math.Abs(y.ModelIndex - indices[j].Model) <= Index, $"{year} model index {y.ModelIndex} vs TRIM {indices[j].Model}");
            Assert.True(Math.Abs(y.ModelIndexSe - indices[j].ModelSe) <= Index, $"{year} model index SE {y.ModelIndexSe} vs TRIM {indices[j].ModelSe}");
            Assert.True(Math.Abs(y.ImputedIndex - indices[j].Imputed) <= Index, $"{year} imputed index {y.ImputedIndex} vs TRIM {indices[j].Imputed}");
            Assert.True(Math.Abs(y.ImputedIndexSe - indices[j].ImputedSe) <= Index, $"{year} imputed index SE {y.ImputedIndexSe} vs TRIM {indices[j].ImputedSe}");
        }
    }

    private static void AssertSlope(OverallSlope slope, double additive, double se, double multiplicative, double multiplicativeSe)
    {
        Assert.Equal(additive, slope.Additive, SlopeTolerance);
        Assert.Equal(se, slope.AdditiveSe, SlopeTolerance);
        Assert.Equal(multiplicative, slope.Multiplicative, SlopeTolerance);
        Assert.Equal(multiplicativeSe, slope.MultiplicativeSe, SlopeTolerance);
    }
}
