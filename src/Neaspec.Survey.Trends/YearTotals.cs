namespace Neaspec.Survey.Trends;

/// <summary>One year of a trend (TRIM 3 manual, "Time totals and indices"). The model total sums the
/// fitted μ_ij of every site; the imputed total sums the observed counts and, where a site was not counted,
/// its fitted value. Indices divide each total by the base year's, with standard errors by the delta method
/// that use the covariance of the two totals.</summary>
/// <param name="Year">The year.</param>
/// <param name="ObservedSites">Sites with a count this year (zeros included).</param>
/// <param name="ModelTotal">Σ_i μ_ij.</param>
/// <param name="ModelTotalSe">Its standard error.</param>
/// <param name="ImputedTotal">Σ_i (f_ij where counted, else μ_ij).</param>
/// <param name="ImputedTotalSe">Its standard error.</param>
/// <param name="ModelIndex">Model total / model total of the base year.</param>
/// <param name="ModelIndexSe">Its standard error (0 in the base year).</param>
/// <param name="ImputedIndex">Imputed total / imputed total of the base year.</param>
/// <param name="ImputedIndexSe">Its standard error (0 in the base year).</param>
public sealed record YearTotals(int Year, int ObservedSites, double ModelTotal, double ModelTotalSe,
    double ImputedTotal, double ImputedTotalSe, double ModelIndex, double ModelIndexSe,
    double ImputedIndex, double ImputedIndexSe);
