namespace Neaspec.Survey.Trends.Internals;

/// <summary>Turns a converged fit into everything TRIM reports: goodness of fit, parameters, Wald tests,
/// totals, indices, overall slopes, strata and the per-site table.</summary>
internal static class TrendSummary
{
    public static TrendResult Build(TrendOptions options, CountTable table, Design design, int[] changepoints, GeeFit fit,
        double[] covariance, int baseYear)
    {
        var years = table.YearCount;
        var fitted = fit.FittedAll(years);
        var totals = new TimeTotals(table, design, fit, fitted, covariance);
        var pooled = Years(table, totals, baseYear, (_, _) => true);
        var observed = table.Counts.Count(c => !double.IsNaN(c));
        return new TrendResult
        {
            Options = options,
            Years = table.Years,
            BaseYear = table.Years[baseYear],
            Sites = table.Sites,
            RemovedSites = table.RemovedSites,
            ObservedCounts = observed,
            ZeroCounts = table.Counts.Count(c => c == 0),
            MissingCounts = table.Counts.Length - observed,
            Covariates = table.CovariateNames,
            Converged = fit.Converged,
            Iterations = fit.Iterations,
            Overdispersion = options.Overdispersion ? fit.Sigma2 : null,
            SerialCorrelation = options.SerialCorrelation ? fit.Rho : null,
            GoodnessOfFit = Fit(fit, table.SiteCount, design.Count),
            Parameters = Parameters(options.Model, table, design, changepoints, fit.Beta, covariance),
            WaldTests = WaldTests.Compute(options, table, design, changepoints, fit.Beta, covariance),
            YearTotals = pooled.Years,
            ModelSlope = pooled.ModelSlope,
            ImputedSlope = pooled.ImputedSlope,
            Strata = Strata(table, totals, baseYear),
            SiteSeries = Enumerable.Range(0, table.SiteCount).Select(i => new SiteSeries(table.Sites[i],
                Enumerable.Range(0, years).Select(j => table.IsObserved(i, j) ? (int?)table.Counts[(i * years) + j] : null).ToArray(),
                fitted.AsSpan(i * years, years).ToArray())).ToArray(),
        };
    }

    /// <summary>χ², LR and AIC with df = observed counts - sites - time parameters (TRIM 3 manual, "Goodness of fit").</summary>
    private static GoodnessOfFit Fit(GeeFit fit, int sites, int parameters)
    {
        var df = fit.ObservedCount - sites - parameters;
        var chi = fit.ChiSquare();
        var lr = fit.LikelihoodRatio();
        return new GoodnessOfFit(chi, ChiSquare.UpperTail(chi, df), lr, ChiSquare.UpperTail(lr, df), df, lr - (2.0 * df));
    }

    private static List<TimeParameter> Parameters(TrendModel model, CountTable table, Design design, int[] changepoints,
        double[] beta, double[] covariance)
    {
        var list = new List<TimeParameter>();
        var q = design.BaselineCount;
        var p = design.Count;
        var blocks = new List<(string? Covariate, string? Category)> { (null, null) };
        for (var c = 0; c < table.CovariateNames.Length; c++)
        {
            blocks.AddRange(table.CategoryNames[c].Skip(1).Select(g => ((string?)table.CovariateNames[c], (string?)g)));
        }
        for (var block = 0; block < blocks.Count; block++)
        {
            for (var k = 0; k < q; k++)
            {
                var at = (block * q) + k;
                var (from, to) = model == TrendModel.LinearTrend
                    ? (table.Years[changepoints[k]], table.Years[k + 1 < changepoints.Length ? changepoints[k + 1] : table.YearCount - 1])
                    : (table.Years[0], table.Years[k + 1]);
                list.Add(new TimeParameter(model == TrendModel.LinearTrend ? ParameterKind.Slope : ParameterKind.TimeEffect,
                    blocks[block].Covariate, blocks[block].Category, from, to, beta[at], Math.Sqrt(covariance[(at * p) + at])));
            }
        }
        return list;
    }

    private static (List<YearTotals> Years, OverallSlope? ModelSlope, OverallSlope? ImputedSlope) Years(CountTable table,
        TimeTotals totals, int baseYear, Func<int, int, bool> member)
    {
        var (model, modelCovariance, imputed, imputedCovariance) = totals.Compute(member);
        var (modelIndex, modelIndexSe) = Indices.Compute(model, modelCovariance, baseYear);
        var (imputedIndex, imputedIndexSe) = Indices.Compute(imputed, imputedCovariance, baseYear);
        var n = table.YearCount;
        var list = new List<YearTotals>(n);
        for (var j = 0; j < n; j++)
        {
            var observedSites = Enumerable.Range(0, table.SiteCount).Count(i => member(i, j) && table.IsObserved(i, j));
            list.Add(new YearTotals(table.Years[j], observedSites,
                model[j], Math.Sqrt(Math.Max(modelCovariance[(j * n) + j], 0)),
                imputed[j], Math.Sqrt(Math.Max(imputedCovariance[(j * n) + j], 0)),
                modelIndex[j], modelIndexSe[j], imputedIndex[j], imputedIndexSe[j]));
        }
        return (list, Slope.Compute(model, modelCovariance), Slope.Compute(imputed, imputedCovariance));
    }

    private static List<StratumTrend> Strata(CountTable table, TimeTotals totals, int baseYear)
    {
        var strata = new List<StratumTrend>();
        var years = table.YearCount;
        for (var c = 0; c < table.CovariateNames.Length; c++)
        {
            var categories = table.Categories[c];
            for (var g = 0; g < table.CategoryNames[c].Length; g++)
            {
                var category = g;
                bool Member(int i, int j) => categories[(i * years) + j] == category;
                var sites = Enumerable.Range(0, table.SiteCount).Count(i => Enumerable.Range(0, years).Any(j => Member(i, j)));
                var stratum = Years(table, totals, baseYear, Member);
                strata.Add(new StratumTrend(table.CovariateNames[c], table.CategoryNames[c][g], sites, stratum.Years, stratum.ImputedSlope));
            }
        }
        return strata;
    }
}
