using System.Globalization;
using Neaspec.Survey.Trends.Internals;

namespace Neaspec.Survey.Trends;

/// <summary>
/// Population trends from counts with missing site-years, as TRIM computes them (Pannekoek &amp; van Strien,
/// TRIM 3 manual, Statistics Netherlands 2005; re-implemented and checked against TRIM in the R package
/// rtrim, Bogaart, van der Loo &amp; Pannekoek): fits model 1, 2 or 3 by GEE with optional overdispersion
/// and serial correlation, imputes the missing site-years, and reports the model and imputed time totals,
/// indices, the overall slope and its class, goodness of fit and Wald tests.
/// </summary>
public static class TrendAnalysis
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Fits the model; the outcome holds the result or the reasons it cannot be fitted.</summary>
    public static TrendOutcome Run(TrendInput input, TrendOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckOptions(options, problems);
        var table = problems.Count == 0 ? CountTable.Build(input, problems) : null;
        if (table is null)
        {
            return new TrendOutcome(null, problems);
        }
        var changepoints = Changepoints(options, table, problems);
        var baseYear = options.BaseYear ?? table.Years[0];
        if (baseYear < table.Years[0] || baseYear > table.Years[^1])
        {
            problems.Add($"the base year {baseYear} is outside the years {table.Years[0]}-{table.Years[^1]}");
        }
        if (problems.Count > 0)
        {
            return new TrendOutcome(null, problems);
        }
        var design = new Design(options.Model, table.YearCount, changepoints, table);
        CheckCounts(options.Model, table, design, problems);
        if (problems.Count > 0)
        {
            return new TrendOutcome(null, problems);
        }
        var fit = new GeeFit(table, design, options.Overdispersion, options.SerialCorrelation);
        double[]? covariance = null;
        if (!fit.Run(options.Tolerance, options.MaxIterations)
            || (covariance = design.Count == 0 ? [] : Spd.Inverse(fit.Information, design.Count)) is null)
        {
            return new TrendOutcome(null,
            [
                "the counts do not identify the model's time parameters (the information matrix is singular or the estimates diverge): "
                + "some year, changepoint segment or covariate category has too few positive counts; merge segments or categories, or use a simpler model",
            ]);
        }
        return new TrendOutcome(TrendSummary.Build(options, table, design, changepoints, fit, covariance, baseYear - table.Years[0]), []);
    }

    private static void CheckOptions(TrendOptions options, List<string> problems)
    {
        if (!Enum.IsDefined(options.Model))
        {
            problems.Add($"model {(int)options.Model} does not exist; TRIM has models 1, 2 and 3");
        }
        if (options.Model != TrendModel.LinearTrend && options.Changepoints.Count > 0)
        {
            problems.Add("changepoints belong to model 2 (linear trend); model 3 has an effect for every year already");
        }
        if (!(options.Tolerance > 0) || options.MaxIterations < 1)
        {
            problems.Add("the tolerance must be positive and at least one iteration allowed");
        }
    }

    /// <summary>Changepoint years as time indices, with the first year added as TRIM's changepoint 1.</summary>
    private static int[] Changepoints(TrendOptions options, CountTable table, List<string> problems)
    {
        if (options.Model != TrendModel.LinearTrend)
        {
            return [];
        }
        var first = table.Years[0];
        var last = table.Years[^1];
        foreach (var year in options.Changepoints)
        {
            if (year < first || year >= last)
            {
                problems.Add($"changepoint {year} must lie in {first}-{last - 1}: the slope changes after it, and the last year has no after");
            }
        }
        if (options.Changepoints.Distinct().Count() != options.Changepoints.Count)
        {
            problems.Add("a changepoint is given twice");
        }
        return options.Changepoints.Where(y => y >= first && y < last).Append(first).Distinct().Order().Select(y => y - first).ToArray();
    }

    /// <summary>rtrim's checks before fitting, so a hopeless request gets words instead of a singular matrix:
    /// enough positive counts for the parameters, and for model 3 a positive count in every year (and every
    /// covariate category of every year after the first), since γ_j is estimated from year j's counts.</summary>
    private static void CheckCounts(TrendModel model, CountTable table, Design design, List<string> problems)
    {
        var years = table.YearCount;
        var positive = table.Counts.Count(c => c > 0);
        if (positive < table.SiteCount + design.Count)
        {
            problems.Add($"too few positive counts ({positive}) for {table.SiteCount} site parameters and {design.Count} time parameters");
            return;
        }
        if (model != TrendModel.TimeEffects)
        {
            return;
        }
        for (var j = 0; j < years; j++)
        {
            if (!Enumerable.Range(0, table.SiteCount).Any(i => table.Counts[(i * years) + j] > 0))
            {
                problems.Add($"{table.Years[j]} has no positive count: model 3 cannot estimate its effect (use model 2, or leave the year out)");
            }
        }
        for (var c = 0; c < table.CovariateNames.Length; c++)
        {
            for (var g = 1; g < table.CategoryNames[c].Length; g++)
            {
                for (var j = 1; j < years; j++)
                {
                    if (!Enumerable.Range(0, table.SiteCount).Any(i => table.Counts[(i * years) + j] > 0 && table.Categories[c][(i * years) + j] == g))
                    {
                        problems.Add(string.Create(Invariant,
                            $"{table.CovariateNames[c]} {table.CategoryNames[c][g]} has no positive count in {table.Years[j]}: model 3 cannot estimate its effect there"));
                    }
                }
            }
        }
    }
}
